import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, baseUrl, launchBrowser, signIn } from './support/browser';

describe('foundation: sign-in, demo program, Persian right-to-left', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());
  // A fresh context per test: no session or language choice leaks between tests, and axe needs a context.
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(async () => context.close());

  it('the sign-in page is accessible', async () => {
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel('Email').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('refuses a wrong password with a visible message', async () => {
    await signIn(page, 'coordinator@demo.example', 'not-the-password');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/incorrect/i);
  });

  it('the demo coordinator signs in, sees the demo program, and the page turns right-to-left in Persian', async () => {
    await signIn(page, 'coordinator@demo.example', 'demo-password');
    const list = page.getByTestId('program-list');
    await list.waitFor();
    expect(await list.innerText()).toContain('Preclinical Peer Mentoring');
    expect(await page.locator('html').getAttribute('dir')).not.toBe('rtl');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByTestId('language-switch').selectOption('fa');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('fa');
    // Persian script is on the page, and the program is still listed.
    expect(await page.locator('body').innerText()).toMatch(/[\u0600-\u06FF]/);
    expect(await page.getByTestId('program-list').innerText()).toContain('Preclinical Peer Mentoring');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The choice survives a reload.
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  });

  it('a mentee signs in and sees their program and role', async () => {
    await signIn(page, 'mentee1@demo.example', 'demo-password');
    const list = page.getByTestId('program-list');
    await list.waitFor();
    expect(await list.innerText()).toContain('Preclinical Peer Mentoring');
  });
});
