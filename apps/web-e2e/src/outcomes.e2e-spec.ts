import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, signIn } from './support/browser';

const DEMO_PROGRAM = 'Preclinical Peer Mentoring';
const DAY_MS = 86_400_000;

/** The demo program started 30 days ago: results 90 days ago count as before mentoring, 2 days ago as after. */
const isoDaysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);

function gradeFile(): string {
  const lines = ['student_email,assessment,taken_on,score,max_score'];
  for (let i = 1; i <= 8; i += 1) {
    lines.push(`mentee${i}@demo.example,Anatomy midterm,${isoDaysAgo(90)},${30 + i},50`);
    lines.push(`mentee${i}@demo.example,Physiology midterm,${isoDaysAgo(2)},${32 + ((i * 3) % 7)},50`);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'pm-grades-')), 'grades.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function openOutcomesPage(page: Page): Promise<void> {
  await signIn(page, 'coordinator@demo.example', 'demo-password');
  await page.getByTestId('program-list').getByRole('link', { name: DEMO_PROGRAM }).click();
  await page.getByTestId('outcomes-link').click();
  await page.getByTestId('import-card').waitFor();
}

/** The analysis, or the empty state when no records exist: either way the page must have answered without an error. */
async function waitForAnalysis(page: Page): Promise<'empty' | 'dashboard'> {
  await page.locator('[data-testid="outcomes-empty"], [data-testid="outcomes-dashboard"]').first().waitFor();
  return (await page.getByTestId('outcomes-dashboard').count()) > 0 ? 'dashboard' : 'empty';
}

describe('outcomes: the demo coordinator imports results and reads the analysis', () => {
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

  it('opens the outcomes page and sees the charts or the empty-data state, with no error', async () => {
    await openOutcomesPage(page);
    const state = await waitForAnalysis(page);
    if (state === 'dashboard') {
      expect(await page.locator('figure.chart svg').count()).toBeGreaterThan(0);
    } else {
      expect(await page.getByTestId('outcomes-empty').innerText()).toMatch(/No assessment results/);
    }
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/NaN/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('imports a grade file, then shows charts with a text alternative; importing it again changes nothing', async () => {
    await openOutcomesPage(page);
    const file = gradeFile();

    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    // A check first: nothing is stored until the coordinator confirms.
    await page.getByTestId('import-confirm').click({ timeout: 30_000 });
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.innerText()).toContain('Imported 16 lines.');

    expect(await waitForAnalysis(page)).toBe('dashboard');
    await page.locator('[data-testid="chart-mean-change"] svg').first().waitFor();
    // The chart's numbers are in a table for screen readers.
    expect(await page.getByTestId('chart-mean-change').locator('table').count()).toBe(1);
    expect(await page.locator('body').innerText()).not.toMatch(/NaN/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    await page.getByText('0 new, 0 corrected, 16 already stored.').waitFor({ timeout: 30_000 });

    // The import is in the audit log.
    await page.getByTestId('audit-link').click();
    await page.getByTestId('audit-log').waitFor();
    expect(await page.getByTestId('audit-log').innerText()).toContain('Imported results');
    // Two checks, two imports and the audit page: longer than the default on a busy machine.
  }, 180_000);

  it('lists every bad line of a refused file and stores nothing', async () => {
    await openOutcomesPage(page);
    const path = join(mkdtempSync(join(tmpdir(), 'pm-grades-')), 'bad.csv');
    writeFileSync(path, ['student_email,assessment,taken_on,score,max_score', 'not-an-email,Quiz,2026-01-10,5,10', `mentee1@demo.example,Quiz,yesterday,5,10`].join('\n'));

    await page.getByTestId('import-file').setInputFiles(path);
    await page.getByTestId('import-submit').click();
    const table = page.getByTestId('rejected-table');
    await table.waitFor({ timeout: 30_000 });
    const lines = await table.locator('tbody th').allInnerTexts();
    expect(lines).toEqual(['2', '3']);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);
});
