import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { DEMO_PROGRAM, JOURNEY_SETUPS, JOURNEY_TIMEOUT_MS, demoDataAllowList, goTo, openJourney, pageProblems, signInAs, type Journey } from './support/journey';

jest.setTimeout(JOURNEY_TIMEOUT_MS);

describe.each(JOURNEY_SETUPS)('the students’ journeys ($label)', (setup) => {
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

  it('a mentee finds their program, sessions (with a Jalali or Gregorian calendar), chat and results', async () => {
    const { page } = journey;
    await signInAs(page, 'mentee2@demo.example');
    const problems = await pageProblems(journey, { allow });

    await goTo(page, '/programs');
    await page.getByTestId('program-list').getByRole('link', { name: DEMO_PROGRAM }).click();
    await page.getByTestId('preferences-link').waitFor();
    problems.push(...(await pageProblems(journey, { allow })));

    await goTo(page, '/sessions');
    const form = page.getByTestId('book-session-form');
    await form.waitFor();
    // The day field takes the reader's calendar; its picker opens beside it and is checked while open.
    await page.locator('#book-day').locator('xpath=..').getByRole('button').click();
    const calendar = page.locator('#book-day-calendar');
    await calendar.waitFor();
    const month = await calendar.getByRole('grid').getAttribute('aria-label');
    expect(month).toMatch(setup.language === 'fa' ? /^(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) ۱۴[۰-۹]{2}$/u : /^[A-Z][a-z]+ 20\d\d$/);
    problems.push(...(await pageProblems(journey, { allow })));
    await page.keyboard.press('Escape');
    await calendar.waitFor({ state: 'detached' });

    await goTo(page, '/chat');
    await page.getByTestId('chat-page').waitFor();
    problems.push(...(await pageProblems(journey, { allow })));

    await goTo(page, '/results');
    await page.locator('main h1').waitFor();
    problems.push(...(await pageProblems(journey, { allow })));

    await goTo(page, '/profile');
    await page.locator('main form').first().waitFor();
    problems.push(...(await pageProblems(journey, { allow })));

    expect(problems).toEqual([]);
  });

  it('a mentor sees their availability and sessions, with 24-hour times in the reader’s digits', async () => {
    const { page } = journey;
    await signInAs(page, 'mentor2@demo.example');
    await goTo(page, '/sessions');
    await page.getByTestId('sessions-page').waitFor();
    const availability = page.getByTestId('availability-form');
    await availability.waitFor();
    // A new weekly window starts at 09:00: shown as ۰۹:۰۰ in Persian, never with AM/PM.
    await page.getByTestId('add-weekly').click();
    const start = availability.getByTestId('weekly-window').last().locator('input[id$="-start"]');
    expect(await start.inputValue()).toBe(setup.language === 'fa' ? '۰۹:۰۰' : '09:00');
    const problems = await pageProblems(journey, { allow });

    await goTo(page, '/chat');
    await page.getByTestId('chat-page').waitFor();
    problems.push(...(await pageProblems(journey, { allow })));
    expect(problems).toEqual([]);
  });
});
