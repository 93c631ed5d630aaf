import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { DEMO_PROGRAM, JOURNEY_SETUPS, JOURNEY_TIMEOUT_MS, demoDataAllowList, goTo, openJourney, pageProblems, signInAs, type Journey } from './support/journey';

/** A Jalali and a Gregorian way to type the same two days: 1 Farvardin 1406 = 21 March 2027, 29 Esfand 1406 = 19 March 2028. */
const PERIOD = {
  en: { start: '2027-03-21', end: '2028-03-19', shown: /21 March 2027/ },
  fa: { start: '۱۴۰۶/۰۱/۰۱', end: '۱۴۰۶/۱۲/۲۹', shown: /۱ فروردین ۱۴۰۶/ },
};

jest.setTimeout(JOURNEY_TIMEOUT_MS);

describe.each(JOURNEY_SETUPS)('the coordinator’s journey ($label)', (setup) => {
  let browser: Browser;
  let journey: Journey;
  let allow: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());
  beforeEach(async () => {
    // Fresh each time: other specs add programs and people (data) that these pages then list.
    allow = await demoDataAllowList();
    journey = await openJourney(browser, setup);
  });
  afterEach(async () => journey.context.close());

  it('programs, enrolments, matching and outcomes, each page accessible, fitting and in one language', async () => {
    const { page } = journey;
    await signInAs(page, 'coordinator@demo.example');
    const problems = await pageProblems(journey, { allow });

    await goTo(page, '/programs');
    await page.getByTestId('program-list').waitFor();
    problems.push(...(await pageProblems(journey, { allow })));

    await page.getByTestId('program-list').getByRole('link', { name: DEMO_PROGRAM }).click();
    await page.getByTestId('enrollment-table').waitFor();
    problems.push(...(await pageProblems(journey, { allow })));

    await page.getByTestId('matching-link').click();
    await page.getByTestId('run-matching').waitFor();
    await page.getByTestId('mentorship-table').waitFor();
    problems.push(...(await pageProblems(journey, { allow })));

    await page.goBack();
    await page.getByTestId('outcomes-link').click();
    await page.getByTestId('import-card').waitFor();
    await page.locator('[data-testid="outcomes-empty"], [data-testid="outcomes-dashboard"]').first().waitFor();
    problems.push(...(await pageProblems(journey, { allow })));

    expect(problems).toEqual([]);
  });

  it('creates a program with dates typed and picked in the reader’s calendar', async () => {
    const { page } = journey;
    const period = PERIOD[setup.language];
    await signInAs(page, 'coordinator@demo.example');
    await goTo(page, '/programs');
    await page.locator('main a[href="/programs/new"]').click();
    await page.locator('#program-name').waitFor();

    const name = `Journey ${setup.language} ${setup.viewport} ${Date.now().toString(36)}`;
    await page.locator('#program-name').fill(name);
    await page.locator('#program-starts-on').fill(period.start);
    // The end day is picked from the calendar: open it, check it, then type the day (the grid is covered by Vitest).
    await page.locator('#program-ends-on').locator('xpath=..').getByRole('button').click();
    const calendar = page.locator('#program-ends-on-calendar');
    await calendar.waitFor();
    if (setup.language === 'fa') {
      // Persian weeks start on Saturday, and the month is a Jalali one.
      expect(await calendar.locator('th.rdp-weekday').first().getAttribute('aria-label')).toBe('شنبه');
    }
    const problems = await pageProblems(journey, { allow: [...allow, name] });
    await page.keyboard.press('Escape');
    await calendar.waitFor({ state: 'detached' });
    await page.locator('#program-ends-on').fill(period.end);
    await page.locator('form button[type="submit"]').click();

    await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    await page.locator('main h1').filter({ hasText: name }).waitFor();
    expect(await page.locator('main').innerText()).toMatch(period.shown);
    problems.push(...(await pageProblems(journey, { allow: [...allow, name] })));
    expect(problems).toEqual([]);
  });
});
