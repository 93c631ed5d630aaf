import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser } from './support/browser';
import { DEMO_PASSWORD, DEMO_PROGRAM, JOURNEY_SETUPS, JOURNEY_TIMEOUT_MS, demoDataAllowList, demoToken, goTo, openJourney, pageProblems, signInAs, type Journey, type JourneyLanguage } from './support/journey';

jest.setTimeout(JOURNEY_TIMEOUT_MS);

const DAY_MS = 24 * 60 * 60 * 1000;
const ROOM = 'Library 2.14';

/** A local day some days ahead as the reader types it: ISO in English, Jalali (year/month/day) in Persian. */
function typedDay(daysAhead: number, language: JourneyLanguage): string {
  const date = new Date(Date.now() + daysAhead * DAY_MS);
  const calendar = language === 'fa' ? 'persian' : 'gregory';
  const parts = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return language === 'fa' ? `${part('year').replace(/\D/g, '')}/${part('month')}/${part('day')}` : `${part('year')}-${part('month')}-${part('day')}`;
}

interface MyMentorship {
  id: string;
  myRole: 'mentor' | 'mentee';
  status: string;
  sharedModalities: string[];
}

async function mentorshipsOf(email: string): Promise<MyMentorship[]> {
  const token = await demoToken(email);
  const res = await fetch(`${baseUrl()}/api/me/mentorships`, { headers: { Authorization: `Bearer ${token}` } });
  return (await res.json()) as MyMentorship[];
}

/** A demo student with an active mentorship on the given side. */
async function demoStudentWithPair(kind: 'mentor' | 'mentee'): Promise<{ email: string; mentorship: MyMentorship }> {
  for (let i = 1; i <= 30; i += 1) {
    const email = `${kind}${i}@demo.example`;
    const mentorship = (await mentorshipsOf(email).catch(() => [])).find((m) => m.myRole === kind && m.status === 'active');
    if (mentorship) return { email, mentorship };
  }
  throw new Error(`no demo ${kind} with an active mentorship`);
}

/** Picks a day with a free time in the booking form: a published slot, else a start time (the mentor's case). */
async function chooseTime(page: Page, language: JourneyLanguage): Promise<void> {
  const form = page.getByTestId('book-session-form');
  const firstDay = 40 + Math.floor(Math.random() * 200);
  for (let offset = 0; offset < 14; offset += 1) {
    await page.locator('#book-day').fill(typedDay(firstDay + offset, language));
    await page.locator('#book-day').blur();
    const slot = form.getByTestId('slot-option').first();
    const start = page.locator('#book-start');
    const none = form.locator('.empty-state');
    await slot.or(start).or(none).first().waitFor();
    if (await slot.isVisible()) {
      await slot.check();
      return;
    }
    if (await start.isVisible()) {
      await start.fill(`${String(8 + Math.floor(Math.random() * 10)).padStart(2, '0')}:${Math.random() < 0.5 ? '00' : '30'}`);
      await start.blur();
      return;
    }
  }
  throw new Error('no day with a free time in two weeks');
}

async function createCoordinator(page: Page, name: string, email: string): Promise<void> {
  await page.locator('#staff-full-name').fill(name);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill('a-long-password-1');
  await page.locator('#staff-role').selectOption('coordinator');
  await page.locator('#staff-role').locator('xpath=ancestor::form').locator('button[type="submit"]').click();
  await page.getByTestId('staff-row').filter({ hasText: name }).waitFor();
}

describe.each(JOURNEY_SETUPS)('running a program and booking sessions ($label)', (setup) => {
  let browser: Browser;
  let allow: string[];
  const journeys: Journey[] = [];
  const open = async (): Promise<Journey> => {
    const journey = await openJourney(browser, setup);
    journeys.push(journey);
    return journey;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());
  beforeEach(async () => {
    // Earlier tests add people (coordinators) and rooms in Latin letters: data, not interface.
    allow = [...(await demoDataAllowList()), ROOM];
  });
  afterEach(async () => {
    await Promise.all(journeys.splice(0).map((journey) => journey.context.close()));
  });

  it('an admin deactivates a coordinator, opens a program and adds a coordinator to it', async () => {
    const journey = await open();
    const { page } = journey;
    const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    const leaving = { name: `Leaving Coordinator ${stamp}`, email: `leaving-${stamp}@school.example` };
    const joining = { name: `Joining Coordinator ${stamp}`, email: `joining-${stamp}@school.example` };
    const words = [...allow, leaving.name, leaving.email, joining.name, joining.email];
    await signInAs(page, 'admin@demo.example');

    await goTo(page, '/staff');
    await page.getByTestId('staff-table').waitFor();
    await createCoordinator(page, leaving.name, leaving.email);
    await createCoordinator(page, joining.name, joining.email);
    const row = page.getByTestId('staff-row').filter({ hasText: leaving.name });
    await row.getByTestId('deactivate-account').click();
    await page.getByTestId('deactivate-confirm').waitFor();
    const problems = await pageProblems(journey, { allow: words });
    await page.getByTestId('deactivate-confirm-submit').click();
    await row.getByTestId('reactivate-account').waitFor();
    problems.push(...(await pageProblems(journey, { allow: words })));

    await goTo(page, '/programs');
    await page.getByTestId('program-list').getByRole('link', { name: DEMO_PROGRAM }).click();
    await page.getByTestId('admin-staffing-notice').waitFor();
    expect(await page.getByText(/does not exist|وجود ندارد/).count()).toBe(0);
    const select = page.locator('#add-coordinator');
    await select.locator('option', { hasText: joining.name }).waitFor({ state: 'attached' });
    // A deactivated account is not offered.
    expect(await select.locator('option', { hasText: leaving.name }).count()).toBe(0);
    problems.push(...(await pageProblems(journey, { allow: words })));
    await select.selectOption({ label: await select.locator('option', { hasText: joining.name }).innerText() });
    await page.getByTestId('add-coordinator-submit').click();
    await page.getByTestId('coordinator-list').getByText(joining.name).waitFor();
    problems.push(...(await pageProblems(journey, { allow: words })));
    expect(problems).toEqual([]);
  });

  it("a coordinator finds a mentor in the roster and changes the mentor's capacity", async () => {
    const journey = await open();
    const { page } = journey;
    await signInAs(page, 'coordinator@demo.example');
    await goTo(page, '/programs');
    await page.getByTestId('program-list').getByRole('link', { name: DEMO_PROGRAM }).click();
    await page.getByTestId('enrollment-table').waitFor();
    await page.getByTestId('enrollment-role-filter').selectOption('mentor');
    const problems = await pageProblems(journey, { allow });
    const mentorRow = page.getByTestId('enrollment-row').first();
    await mentorRow.getByTestId('edit-capacity').click();
    const input = mentorRow.getByTestId('capacity-input');
    const capacity = 4 + Math.floor(Math.random() * 10);
    await input.fill(String(capacity));
    problems.push(...(await pageProblems(journey, { allow })));
    await mentorRow.getByTestId('capacity-save').click();
    await page.locator('.alert--success').waitFor();
    await page.getByTestId('enrollment-search').fill('@demo.example');
    problems.push(...(await pageProblems(journey, { allow })));
    expect(problems).toEqual([]);
  });

  it('a mentee books with only the shared ways to meet offered, then reschedules from the offered slots', async () => {
    const { email, mentorship } = await demoStudentWithPair('mentee');
    const journey = await open();
    const { page } = journey;
    await signInAs(page, email, DEMO_PASSWORD);
    await goTo(page, '/sessions');
    const form = page.getByTestId('book-session-form');
    await form.waitFor();
    await page.locator('#book-mentorship').selectOption(mentorship.id);
    const offered = await form.locator('[data-testid^="modality-"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(offered.sort()).toEqual([...mentorship.sharedModalities].sort());
    const before = await page.getByTestId('session-row').count();
    await chooseTime(page, setup.language);
    if (offered.includes('virtual')) await form.getByTestId('modality-virtual').check();
    else await page.locator('#book-location').fill(ROOM);
    await form.getByTestId('book-submit').click();
    await form.locator('.alert--success, [data-testid="book-error"]').first().waitFor();
    const problems = await pageProblems(journey, { allow });
    expect(await form.getByTestId('book-error').count()).toBe(0);
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="session-row"]').length > count, before);

    const upcoming = page.getByTestId('upcoming-sessions').getByTestId('session-row').first();
    await upcoming.getByTestId('reschedule-session').click();
    const reschedule = upcoming.getByTestId('reschedule-form');
    const slot = reschedule.getByTestId('reschedule-slot-option').first();
    const start = reschedule.locator('input[id^="reschedule-start-"]');
    await slot.or(start).or(reschedule.locator('.empty-state')).first().waitFor();
    // The form starts from the session as it is: its day is filled in.
    expect(await reschedule.locator('input[id^="reschedule-day-"]').inputValue()).not.toBe('');
    problems.push(...(await pageProblems(journey, { allow })));
    if (await slot.isVisible()) {
      await slot.check();
      await reschedule.getByTestId('reschedule-submit').click();
      await reschedule.waitFor({ state: 'detached' });
    }
    expect(problems).toEqual([]);
  });

  it('a mentor books a session for their mentee', async () => {
    const { email, mentorship } = await demoStudentWithPair('mentor');
    const journey = await open();
    const { page } = journey;
    await signInAs(page, email, DEMO_PASSWORD);
    await goTo(page, '/sessions');
    const form = page.getByTestId('book-session-form');
    await form.waitFor();
    await page.locator('#book-mentorship').selectOption(mentorship.id);
    await chooseTime(page, setup.language);
    if (mentorship.sharedModalities.includes('virtual')) await form.getByTestId('modality-virtual').check();
    else await page.locator('#book-location').fill(ROOM);
    const problems = await pageProblems(journey, { allow });
    await form.getByTestId('book-submit').click();
    await form.locator('.alert--success, [data-testid="book-error"]').first().waitFor();
    expect(await form.getByTestId('book-error').count()).toBe(0);
    problems.push(...(await pageProblems(journey, { allow })));
    expect(problems).toEqual([]);
  });
});
