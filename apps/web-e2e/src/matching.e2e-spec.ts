import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, baseUrl, launchBrowser, signIn } from './support/browser';

const DEMO_PROGRAM = 'Preclinical Peer Mentoring';

/** From the coordinator's home to the demo program's matching page, through the links a person would use. */
async function openMatchingPage(page: Page): Promise<void> {
  await signIn(page, 'coordinator@demo.example', 'demo-password');
  await page.getByTestId('program-list').getByRole('link', { name: DEMO_PROGRAM }).click();
  await page.getByTestId('matching-link').click();
  await page.getByTestId('run-matching').waitFor();
}

describe('matching: the demo coordinator previews, checks and commits a matching', () => {
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

  it('runs the optimal matching, shows the preview with its summary, commits it and lists the mentorships', async () => {
    await openMatchingPage(page);
    expect(page.url()).toMatch(new RegExp(`^${baseUrl()}/programs/[^/]+/matching$`));
    expect(await accessibilityViolations(page)).toEqual([]);

    // The demo starts with some mentees matched; a run covers the others, and commit adds to the existing list.
    await page.getByTestId('mentorship-table').waitFor();
    const before = await page.getByTestId('mentorship-row').count();

    await page.getByTestId('algorithm-optimal').check();
    await page.getByTestId('run-matching').click();

    // A large program can take a few seconds; the preview replaces the busy state when the API answers.
    const preview = page.getByTestId('preview-table');
    await preview.waitFor({ timeout: 45_000 });
    const rows = await page.getByTestId('preview-row').count();
    expect(rows).toBeGreaterThan(0);
    const matched = await page.getByTestId('summary-matched').innerText();
    const total = Number(new RegExp(`^${rows} of (\\d+) mentees$`).exec(matched)?.[1]);
    expect(total).toBeGreaterThanOrEqual(rows);
    expect(await page.getByTestId('summary-match-rate').innerText()).toMatch(/^\d+(\.\d)?%$/);
    expect(await page.getByTestId('summary-unmatched').innerText()).toBe(String(total - rows));
    expect(await page.getByTestId('run-status').innerText()).toBe('Preview');
    // Every pair is explained in words, never as a raw code.
    const reasons = await preview.locator('.reason-list li').allInnerTexts();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join(' ')).not.toMatch(/shared_interest|year_gap|same_campus|shared_language|shared_modality/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Sorting works from the keyboard and is announced through aria-sort.
    await page.getByTestId('sort-mentee').focus();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('sort-mentee').locator('xpath=..').getAttribute('aria-sort')).toBe('ascending');

    await page.getByTestId('commit-run').click();
    await page.getByTestId('commit-confirm').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('confirm-commit').click();
    await page.getByText(/mentorships? (was|were) created\./).waitFor();

    const mentorships = page.getByTestId('mentorship-row');
    await mentorships.first().waitFor();
    await page.waitForFunction((expected) => document.querySelectorAll('[data-testid="mentorship-row"]').length === expected, before + rows);
    expect(await page.getByTestId('mentorship-table').innerText()).toContain('Active');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('is accessible and right-to-left in Persian', async () => {
    await openMatchingPage(page);
    await page.getByTestId('language-switch').selectOption('fa');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.locator('h1').innerText()).toBe('جفت‌سازی');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
