import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, baseUrl, launchBrowser, signIn } from './support/browser';
import { demoDataAllowList, JOURNEY_SETUPS, JOURNEY_TIMEOUT_MS, openJourney, pageProblems, signInAs } from './support/journey';

const DEMO_PROGRAM = 'Preclinical Peer Mentoring';
const COORDINATOR = { email: 'coordinator@demo.example', password: 'demo-password' };
/** Fresh addresses every run, so the spec can run again against the same server. */
const run = randomUUID().slice(0, 8);

async function api<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${baseUrl()}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const coordinatorToken = async (): Promise<string> => (await api<{ accessToken: string }>('/auth/login', { method: 'POST', body: COORDINATOR })).accessToken;

async function demoProgramId(token: string): Promise<string> {
  const programs = await api<Array<{ id: string; name: string }>>('/programs', { token });
  const program = programs.find((p) => p.name === DEMO_PROGRAM);
  if (!program) throw new Error('no demo program');
  return program.id;
}

function rosterFile(): string {
  const lines = [
    'email,full_name,year_of_study,role,capacity',
    `new-mentee-${run}@uni.example,Nima Rahimi,1,mentee,`,
    `new-mentor-${run}@uni.example,Leila Karimi,5,mentor,2`,
    // A demo mentee already enrolled as in the file: unchanged.
    'mentee1@demo.example,Mentee One,1,mentee,',
  ];
  const path = join(mkdtempSync(join(tmpdir(), 'pm-roster-')), 'roster.csv');
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

// Each journey signs in, uploads and runs axe several times: on a shared, loaded machine that takes minutes.
describe('onboarding: a cohort comes in through a roster, invitations and a join code', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(async () => context.close());

  it('the coordinator imports a roster file through the page: a preview first, then the counts', async () => {
    await signIn(page, COORDINATOR.email, COORDINATOR.password);
    await page.getByTestId('program-list').getByRole('link', { name: DEMO_PROGRAM }).click();
    await page.getByTestId('roster-link').click();
    await page.getByTestId('roster-card').waitFor();
    await page.getByTestId('roster-file').setInputFiles(rosterFile());
    await page.getByTestId('roster-check').click();
    await page.getByTestId('roster-preview').waitFor();
    expect(await page.getByTestId('roster-preview-counts').getByTestId('roster-count-created').innerText()).toBe('2');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('roster-import').click();
    const result = page.getByTestId('roster-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getByTestId('roster-count-rows').innerText()).toBe('3');
    expect(await result.getByTestId('roster-count-created').innerText()).toBe('2');
    expect(await result.getByTestId('roster-count-enrolled').innerText()).toBe('2');
    expect(await result.getByTestId('roster-count-unchanged').innerText()).toBe('1');
    // The invitations table lists the two new people as pending.
    await page.getByTestId('invitations-filter').selectOption('pending');
    await page.getByTestId('invitations-table').getByText(`new-mentee-${run}@uni.example`).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 180_000);

  it('an invited student opens the link, sets a password, completes the profile and sees the program', async () => {
    const token = await coordinatorToken();
    const programId = await demoProgramId(token);
    const invitations = await api<Array<{ email: string; url?: string }>>(`/programs/${programId}/invitations?status=pending`, { token });
    const link = invitations.find((i) => i.email === `new-mentee-${run}@uni.example`)?.url;
    if (!link) throw new Error('no pending invitation for the imported student');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}${new URL(link).pathname}${new URL(link).search}`);
    await page.getByTestId('invite-page').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Welcome');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Password', { exact: true }).fill('a-brand-new-password');
    await page.getByLabel('Password again').fill('a-brand-new-password');
    await page.getByTestId('accept-submit').click();

    await page.getByTestId('welcome-page').waitFor();
    await page.locator('#profile-year').selectOption('1');
    await page.locator('#profile-languages').fill('Persian, English');
    await page.locator('#profile-modality-in_person').check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /save/i }).click();
    await page.waitForURL(`**/programs/${programId}`);
    await page.getByRole('heading', { name: DEMO_PROGRAM }).waitFor();

    // The link is spent.
    await page.goto(`${baseUrl()}${new URL(link).pathname}${new URL(link).search}`);
    await page.getByTestId('invite-invalid').waitFor();
  }, 180_000);

  it('a signed-in student joins with a code after confirming; opening it again says they are enrolled', async () => {
    const token = await coordinatorToken();
    const programId = await demoProgramId(token);
    const code = await api<{ code: string; url: string }>(`/programs/${programId}/join-codes`, { method: 'POST', token, body: { role: 'mentee' } });
    const email = `latecomer-${run}@uni.example`;
    await api('/auth/register', { method: 'POST', body: { email, password: 'a-latecomer-password', fullName: 'Latecomer', yearOfStudy: 1 } });

    await signIn(page, email, 'a-latecomer-password');
    await page.waitForURL(`${baseUrl()}/`);
    await page.goto(`${baseUrl()}/join?code=${code.code}`);
    await page.getByTestId('join-page').waitFor();
    expect(await page.getByTestId('join-page').innerText()).toContain(DEMO_PROGRAM);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('join-confirm').click();
    await page.waitForURL(`**/programs/${programId}`);

    await page.goto(`${baseUrl()}/join?code=${code.code}`);
    await page.getByTestId('join-already').waitFor();
  }, 180_000);
});

/**
 * The same three doors in both languages at both widths: the coordinator's roster page with a preview, the
 * join-code card and the invitations table; the invite page and the profile step; the join page. Each page is
 * checked for axe findings, sideways scrolling on a phone and English left on a Persian page.
 */
describe.each(JOURNEY_SETUPS)('onboarding pages read well ($label)', (setup) => {
  let browser: Browser;
  let allow: string[];
  const tag = `${setup.language}-${setup.viewport}-${run}`;
  const invitee = { email: `invitee-${tag}@uni.example`, name: 'Sara Ahmadi' };

  beforeAll(async () => {
    browser = await launchBrowser();
    allow = [...(await demoDataAllowList()), invitee.email, invitee.name, 'Nima Rahimi', 'Leila Karimi'];
  });
  afterAll(async () => browser.close());

  it('roster page, invite page with the profile step, and join page', async () => {
    const token = await coordinatorToken();
    const programId = await demoProgramId(token);
    const coordinator = await openJourney(browser, setup);
    try {
      await signInAs(coordinator.page, COORDINATOR.email, COORDINATOR.password);
      await coordinator.page.goto(`${baseUrl()}/programs/${programId}/roster`);
      await coordinator.page.getByTestId('roster-card').waitFor();
      await coordinator.page.getByTestId('join-codes-card').waitFor();
      await coordinator.page.getByTestId('invitations-card').waitFor();
      await coordinator.page.getByTestId('roster-file').setInputFiles(rosterFile());
      await coordinator.page.getByTestId('roster-check').click();
      await coordinator.page.getByTestId('roster-preview').waitFor();
      expect(await pageProblems(coordinator, { allow })).toEqual([]);
    } finally {
      await coordinator.context.close();
    }

    // An invitation of this setup's own, through the API, opened by the invitee in their language.
    const csv = `email,full_name,year_of_study,role,capacity\r\n${invitee.email},${invitee.name},2,mentee,\r\n`;
    const imported = await fetch(`${baseUrl()}/api/programs/${programId}/roster/import`, { method: 'POST', headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${token}` }, body: csv });
    expect(imported.status).toBe(200);
    const invitations = await api<Array<{ email: string; url?: string }>>(`/programs/${programId}/invitations?status=pending`, { token });
    const link = invitations.find((i) => i.email === invitee.email)?.url;
    if (!link) throw new Error('no pending invitation');
    const student = await openJourney(browser, setup);
    try {
      await student.page.goto(`${baseUrl()}${new URL(link).pathname}${new URL(link).search}`);
      await student.page.getByTestId('invite-page').waitFor();
      expect(await pageProblems(student, { allow })).toEqual([]);
      await student.page.locator('#invite-password').fill('a-brand-new-password');
      await student.page.locator('#invite-repeat').fill('a-brand-new-password');
      await student.page.getByTestId('accept-submit').click();
      await student.page.getByTestId('welcome-page').waitFor();
      await student.page.locator('#profile-year').selectOption('2');
      await student.page.locator('#profile-languages').fill('فارسی');
      await student.page.locator('#profile-modality-virtual').check();
      expect(await pageProblems(student, { allow })).toEqual([]);
      await student.page.locator('[data-testid="welcome-page"] form button[type="submit"]').click();
      await student.page.waitForURL(`**/programs/${programId}`);
    } finally {
      await student.context.close();
    }

    // A latecomer who registered on their own opens a join code in their language: the confirm view.
    const latecomer = `join-${tag}@uni.example`;
    await api('/auth/register', { method: 'POST', body: { email: latecomer, password: 'a-latecomer-password', fullName: 'Latecomer', yearOfStudy: 1 } });
    const code = await api<{ code: string }>(`/programs/${programId}/join-codes`, { method: 'POST', token, body: { role: 'mentee' } });
    const joiner = await openJourney(browser, setup);
    try {
      await signInAs(joiner.page, latecomer, 'a-latecomer-password');
      await joiner.page.goto(`${baseUrl()}/join?code=${code.code}`);
      await joiner.page.getByTestId('join-confirm').waitFor();
      expect(await pageProblems(joiner, { allow: [...allow, latecomer, 'Latecomer'] })).toEqual([]);
      await joiner.page.getByTestId('join-confirm').click();
      await joiner.page.waitForURL(`**/programs/${programId}`);
    } finally {
      await joiner.context.close();
    }
  }, JOURNEY_TIMEOUT_MS);
});
