import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { DEMO_PROGRAM, JOURNEY_SETUPS, JOURNEY_TIMEOUT_MS, demoDataAllowList, goTo, openJourney, pageProblems, signInAs, type Journey } from './support/journey';

jest.setTimeout(JOURNEY_TIMEOUT_MS);

describe.each(JOURNEY_SETUPS)('the admin’s journey ($label)', (setup) => {
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

  it('staff accounts and programs, each page accessible, fitting and in one language', async () => {
    const { page } = journey;
    await signInAs(page, 'admin@demo.example');
    const problems = await pageProblems(journey, { allow });

    await goTo(page, '/staff');
    await page.getByTestId('staff-table').waitFor();
    problems.push(...(await pageProblems(journey, { allow })));

    await goTo(page, '/programs');
    await page.getByTestId('program-list').getByRole('link', { name: DEMO_PROGRAM }).click();
    await page.locator('main h1').filter({ hasText: DEMO_PROGRAM }).waitFor();
    problems.push(...(await pageProblems(journey, { allow })));

    expect(problems).toEqual([]);
  });

  it('the phone menu opens and closes from the keyboard and names its state', async () => {
    const { page } = journey;
    await signInAs(page, 'admin@demo.example');
    const toggle = page.getByTestId('header-menu-toggle');
    if (setup.viewport === 'desktop') {
      // Wide screens show the navigation itself.
      expect(await toggle.isVisible()).toBe(false);
      expect(await page.locator('nav.main-nav').isVisible()).toBe(true);
      return;
    }
    expect(await page.locator('nav.main-nav').isVisible()).toBe(false);
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.locator('nav.main-nav a[href="/staff"]').waitFor();
    expect(await pageProblems(journey, { allow })).toEqual([]);
    await page.locator('nav.main-nav a').first().focus();
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('header-menu-toggle');
    // Following a link closes the menu.
    await toggle.click();
    await page.locator('nav.main-nav a[href="/staff"]').click();
    await page.getByTestId('staff-table').waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  });
});
