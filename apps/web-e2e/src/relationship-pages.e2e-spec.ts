import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser } from './support/browser';
import { DEMO_PROGRAM, demoDataAllowList, demoToken, JOURNEY_SETUPS, JOURNEY_TIMEOUT_MS, openJourney, pageProblems, signInAs, type Journey } from './support/journey';

/**
 * Every page of running the relationship (issue 14), in both languages at both widths, on the demo data: the
 * mentor's pair page and session log, the mentee's "ask for help", and the coordinator's board, referrals,
 * agreement template and mentor hours. Read only: nothing is saved, so the grid can run in any order.
 */
describe.each(JOURNEY_SETUPS)('relationship pages read well ($label)', (setup) => {
  let browser: Browser;
  let allow: string[];
  let programId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    allow = await demoDataAllowList();
    const token = await demoToken('coordinator@demo.example');
    const res = await fetch(`${baseUrl()}/api/programs`, { headers: { Authorization: `Bearer ${token}` } });
    const programs = (await res.json()) as Array<{ id: string; name: string }>;
    const program = programs.find((p) => p.name === DEMO_PROGRAM);
    if (!program) throw new Error('no demo program');
    programId = program.id;
  });
  afterAll(async () => browser.close());

  async function as(email: string, walk: (journey: Journey) => Promise<void>): Promise<void> {
    const journey = await openJourney(browser, setup);
    try {
      await signInAs(journey.page, email);
      await walk(journey);
    } finally {
      await journey.context.close();
    }
  }

  it('the mentor’s pair page and session log, and the mentee’s request for help', async () => {
    await as('mentor1@demo.example', async (journey) => {
      await journey.page.getByTestId('open-pair').first().click();
      await journey.page.getByTestId('pair-page').waitFor();
      expect(await pageProblems(journey, { allow })).toEqual([]);
      await journey.page.goto(`${baseUrl()}/sessions`);
      await journey.page.getByTestId('log-session').first().click();
      await journey.page.getByTestId('session-log-form').waitFor();
      expect(await pageProblems(journey, { allow })).toEqual([]);
    });
    await as('mentee1@demo.example', async (journey) => {
      await journey.page.goto(`${baseUrl()}/help`);
      await journey.page.getByTestId('help-page').waitFor();
      expect(await pageProblems(journey, { allow })).toEqual([]);
    });
  }, JOURNEY_TIMEOUT_MS);

  it('the coordinator’s board, referrals, agreement template and mentor hours', async () => {
    await as('coordinator@demo.example', async (journey) => {
      for (const [path, testId] of [
        ['pair-health', 'pair-list'],
        ['referrals', 'referrals-page'],
        ['agreement-template', 'template-page'],
        ['mentor-hours', 'mentor-hours-page'],
      ] as const) {
        await journey.page.goto(`${baseUrl()}/programs/${programId}/${path}`);
        await journey.page.getByTestId(testId).waitFor();
        expect(await pageProblems(journey, { allow })).toEqual([]);
      }
    });
  }, JOURNEY_TIMEOUT_MS);
});
