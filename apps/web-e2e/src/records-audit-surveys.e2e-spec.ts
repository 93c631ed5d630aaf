import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser } from './support/browser';
import { DEMO_PASSWORD, DEMO_PROGRAM, JOURNEY_SETUPS, demoDataAllowList, goTo, openJourney, pageProblems, signInAs, type Journey, type JourneySetup } from './support/journey';

/**
 * Outcomes as a person meets them: a coordinator checks a grade file (an unknown email is flagged before
 * anything is stored), imports it, reads which dates count as before and after, downloads the research export,
 * edits the survey and finds the matching commit in the audit log; a mentee answers the survey. Each setup
 * gets a program of its own (made through the API), so the survey is answered once per program.
 */

const DAY_MS = 86_400_000;
const isoDaysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
const TYPO = 'mentee.typo@demo.exampel';

async function api<T>(path: string, token: string | undefined, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl()}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Arranged {
  programId: string;
  programName: string;
  menteeEmail: string;
}

/**
 * A program of this setup's own with one pair of the demo program (so the hard rules of matching hold),
 * matched by a committed run: the commit the audit log must show.
 */
async function arrangeProgram(index: number, setup: JourneySetup): Promise<Arranged> {
  const { accessToken: token } = await api<{ accessToken: string }>('/auth/login', undefined, 'POST', { email: 'coordinator@demo.example', password: DEMO_PASSWORD });
  const programs = await api<Array<{ id: string; name: string }>>('/programs', token);
  const demo = programs.find((p) => p.name === DEMO_PROGRAM);
  if (!demo) throw new Error('the demo program is missing');
  const pairs = await api<Array<{ menteeId: string; mentorId: string; status: string }>>(`/programs/${demo.id}/mentorships`, token);
  const enrolled = await api<Array<{ userId: string; email: string }>>(`/programs/${demo.id}/enrollments`, token);
  const pair = pairs.filter((p) => p.status === 'active')[index];
  if (!pair) throw new Error('the demo program has too few pairs');
  const programName = `Outcomes check ${setup.language} ${setup.viewport} ${Date.now().toString(36)}`;
  const program = await api<{ id: string }>('/programs', token, 'POST', { name: programName, timezone: 'Asia/Tehran', startsOn: isoDaysAgo(60), endsOn: isoDaysAgo(-200) });
  await api(`/programs/${program.id}/enrollments`, token, 'POST', { userId: pair.mentorId, role: 'mentor', capacity: 1 });
  await api(`/programs/${program.id}/enrollments`, token, 'POST', { userId: pair.menteeId, role: 'mentee' });
  const run = await api<{ id: string }>(`/programs/${program.id}/matching-runs`, token, 'POST', { algorithm: 'optimal' });
  await api(`/programs/${program.id}/matching-runs/${run.id}/commit`, token, 'POST');
  const menteeEmail = enrolled.find((e) => e.userId === pair.menteeId)?.email;
  if (!menteeEmail) throw new Error('the mentee has no email');
  return { programId: program.id, programName, menteeEmail };
}

/** The mentee's results before the program and between its start and today's match (counted in neither), a classmate's, and a mistyped email. */
function gradeFile(menteeEmail: string): string {
  const lines = [
    'student_email,assessment,taken_on,score,max_score',
    `${menteeEmail},Anatomy midterm,${isoDaysAgo(90)},31,50`,
    `${menteeEmail},Physiology midterm,${isoDaysAgo(2)},40,50`,
    `classmate.one@uni.example,Anatomy midterm,${isoDaysAgo(90)},35,50`,
    `classmate.one@uni.example,Physiology midterm,${isoDaysAgo(2)},36,50`,
    `${TYPO},Anatomy midterm,${isoDaysAgo(90)},30,50`,
  ];
  const path = join(mkdtempSync(join(tmpdir(), 'pm-grades-')), 'grades.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const PERSIAN_ITEMS = ['منتورینگ برای درس‌هایم سودمند بود.', 'منتورم از من پشتیبانی کرد.'];

describe.each(JOURNEY_SETUPS.map((setup, index) => ({ ...setup, index })))('records, audit log and surveys ($label)', (setup) => {
  let browser: Browser;
  let allow: string[];
  let arranged: Arranged;

  beforeAll(async () => {
    browser = await launchBrowser();
    arranged = await arrangeProgram(setup.index, setup);
    allow = [...(await demoDataAllowList()), arranged.programName];
  });
  afterAll(async () => browser.close());

  it('the coordinator checks and imports grades, downloads the export, edits the survey and reads the audit log; the mentee answers', async () => {
    const coordinator: Journey = await openJourney(browser, setup);
    const { page } = coordinator;
    const problems: string[] = [];
    try {
      await signInAs(page, 'coordinator@demo.example');
      await goTo(page, '/programs');
      await page.getByTestId('program-list').getByRole('link', { name: arranged.programName }).click();
      await page.getByTestId('outcomes-link').click();
      await page.getByTestId('import-card').waitFor();
      problems.push(...(await pageProblems(coordinator, { allow })));

      // The check stores nothing and names the email that matches no account.
      await page.getByTestId('import-file').setInputFiles(gradeFile(arranged.menteeEmail));
      await page.getByTestId('import-submit').click();
      const unknown = page.getByTestId('import-unknown-emails');
      await unknown.waitFor({ timeout: 30_000 });
      expect(await unknown.innerText()).toContain(TYPO);
      problems.push(...(await pageProblems(coordinator, { allow })));
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });

      // The window: the mentee was matched today, so their result of two days ago counts in neither.
      const window = page.getByTestId('exposure-window');
      await window.waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('window-warning').count()).toBe(1);
      problems.push(...(await pageProblems(coordinator, { allow })));

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('research-export').click()]);
      expect(download.suggestedFilename()).toBe('outcomes-deidentified.csv');

      await page.getByTestId('surveys-link').click();
      await page.getByTestId('survey-items-form').waitFor();
      if (setup.language === 'fa') {
        // A Persian program asks in Persian: the coordinator rewords the default statements and drops the rest.
        while ((await page.locator('#survey-items-heading ~ form ol > li').count()) > PERSIAN_ITEMS.length) {
          await page.locator('#survey-items-heading ~ form ol > li').last().getByRole('button').last().click();
        }
        for (const [i, text] of PERSIAN_ITEMS.entries()) await page.locator(`#survey-item-${i}`).fill(text);
        await page.getByTestId('survey-items-save').click();
        await page.locator('#survey-items-heading ~ form [role="status"]').waitFor();
      }
      await page.getByTestId('survey-respondents').waitFor();
      problems.push(...(await pageProblems(coordinator, { allow })));

      await page.goBack();
      await page.getByTestId('audit-link').click();
      await page.getByTestId('audit-log').waitFor();
      expect(await page.locator('[data-testid="audit-row"][data-action="matching.commit"]').count()).toBe(1);
      expect(await page.locator('[data-testid="audit-row"][data-action="records.import"]').count()).toBe(1);
      expect(await page.locator('[data-testid="audit-row"][data-action="records.export"]').count()).toBe(1);
      problems.push(...(await pageProblems(coordinator, { allow })));
    } finally {
      await coordinator.context.close();
    }

    const mentee: Journey = await openJourney(browser, setup);
    try {
      await signInAs(mentee.page, arranged.menteeEmail);
      await goTo(mentee.page, '/programs');
      await mentee.page.getByRole('link', { name: arranged.programName }).click();
      await mentee.page.getByTestId('survey-link').click();
      const form = mentee.page.getByTestId('survey-form');
      await form.waitFor();
      problems.push(...(await pageProblems(mentee, { allow })));
      const agree = form.locator('input[type="radio"][value="4"]');
      for (let i = 0; i < (await agree.count()); i += 1) await agree.nth(i).check();
      await mentee.page.getByTestId('survey-submit').click();
      await mentee.page.getByTestId('survey-thanks').waitFor();
      problems.push(...(await pageProblems(mentee, { allow })));
    } finally {
      await mentee.context.close();
    }

    expect(problems).toEqual([]);
  }, 240_000);
});
