import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, baseUrl, launchBrowser, signIn } from './support/browser';

const DAY_MS = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD of a local day some days from now. */
const localDay = (daysAhead: number): string => {
  const date = new Date(Date.now() + daysAhead * DAY_MS);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/**
 * Picks a day with a free time: a published slot when the mentor has hours, else a start time. A random day far
 * ahead keeps repeated runs against the same database from colliding with the sessions of earlier runs.
 */
async function chooseTime(page: Page): Promise<void> {
  const form = page.getByTestId('book-session-form');
  const firstDay = 20 + Math.floor(Math.random() * 30);
  for (let offset = 0; offset < 14; offset += 1) {
    await form.getByLabel('Day').fill(localDay(firstDay + offset));
    const slot = form.getByTestId('slot-option').first();
    const start = form.getByLabel('Start time');
    const none = form.getByText('No free times on this day');
    await slot.or(start).or(none).first().waitFor();
    if (await slot.isVisible()) {
      await slot.check();
      return;
    }
    if (await start.isVisible()) {
      const hour = 8 + Math.floor(Math.random() * 10);
      await start.fill(`${String(hour).padStart(2, '0')}:00`);
      return;
    }
  }
  throw new Error('no day with a free time in two weeks');
}

describe('sessions: a mentee books a session with their mentor, in a way both of them meet', () => {
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

  it('books a session and sees it listed (with its meeting link when it is virtual)', async () => {
    await signIn(page, 'mentee1@demo.example', 'demo-password');
    await page.getByTestId('program-list').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Sessions' }).click();
    await page.getByTestId('sessions-page').waitFor();
    expect(page.url()).toBe(`${baseUrl()}/sessions`);
    await page.getByTestId('book-session-form').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const before = await page.getByTestId('session-row').count();
    await chooseTime(page);
    // Only the ways both of them meet are offered; the demo seed decides which those are for this pair.
    const virtual = (await page.getByTestId('modality-virtual').count()) > 0;
    if (virtual) {
      await page.getByTestId('modality-virtual').check();
    } else {
      await page.getByTestId('modality-in_person').check();
      await page.locator('#book-location').fill('Library, room 2');
    }
    await page.getByTestId('book-submit').click();
    await page.getByTestId('book-session-form').getByRole('status').waitFor();

    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="session-row"]').length > count, before);
    if (virtual) {
      const link = page.getByTestId('upcoming-sessions').getByTestId('meeting-link').first();
      await link.waitFor();
      expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    }
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
