import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, signIn } from './support/browser';

/**
 * Running the relationship (issue 14) on the demo data: mentor1's pairs had a session three days ago that is
 * not logged yet, and the demo board has pairs at risk (two no-shows; a low check-in).
 */
describe('relationship: a mentor logs a session in seconds, a coordinator reads the board', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());
  afterEach(async () => context.close());

  it('a mentor logs a past session with fewer than five fields, on a phone', async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    await signIn(page, 'mentor1@demo.example', 'demo-password');
    await page.getByTestId('program-list').waitFor();
    const base = new URL(page.url()).origin;
    await page.goto(`${base}/sessions`);
    await page.getByTestId('sessions-page').waitFor();
    await page.getByTestId('log-session').first().click();
    await page.getByTestId('session-log-form').waitFor();

    const form = page.getByTestId('session-log-form');
    // Topics (ticks), minutes (pre-filled), an optional private note, an optional goal: four fields at most.
    const fields = await form.locator('fieldset, input:not([type="checkbox"]), textarea, select').count();
    expect(fields).toBeLessThan(5);
    expect(await accessibilityViolations(page)).toEqual([]);

    await form.getByLabel('Exams').check();
    await form.getByLabel('Wellbeing').check();
    await form.getByLabel('Minutes').fill('45');
    await form.getByLabel('Private note (optional)').fill('Planned the anatomy revision together');
    await page.getByTestId('save-session-log').click();
    await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it('a coordinator filters the board to at_risk and reads why', async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    await signIn(page, 'coordinator@demo.example', 'demo-password');
    await page.getByTestId('program-list').waitFor();
    await page.getByTestId('program-list').getByRole('link', { name: 'Preclinical Peer Mentoring' }).click();
    await page.getByTestId('pair-health-link').click();
    await page.getByTestId('pair-health-page').waitFor();
    await page.getByTestId('pair-list').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByTestId('board-filter').selectOption('at_risk');
    await page.getByTestId('pair-row').first().waitFor();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="pair-row"]')).every((row) => row.getAttribute('data-status') === 'at_risk'));
    const rows = page.getByTestId('pair-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const reasons = await page.getByTestId('pair-reasons').allInnerTexts();
    expect(reasons.join('\n')).toContain('The mentee missed two or more sessions.');
    expect(reasons.join('\n')).toContain('2 or less out of 5');
  });
});
