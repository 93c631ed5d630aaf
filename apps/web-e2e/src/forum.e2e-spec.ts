import type { Browser, Page } from 'playwright-core';
import type { AuthResponse, MyMentorshipResponse, ProgramResponse } from '@pm/contracts';
import { baseUrl, launchBrowser } from './support/browser';
import { DEMO_PASSWORD, demoDataAllowList, JOURNEY_SETUPS, openJourney, pageProblems, signInAs, type Journey } from './support/journey';

const MENTEE = 'mentee2@demo.example';

async function api<T>(path: string, init: { token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${baseUrl()}/api${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The demo mentee's program and mentor (the seed decides who): asked of the API, never assumed. */
async function demoForum(): Promise<{ programId: string; mentorEmail: string; names: string[] }> {
  const auth = await api<AuthResponse>('/auth/login', { body: { email: MENTEE, password: DEMO_PASSWORD } });
  const mentorships = await api<MyMentorshipResponse[]>('/me/mentorships', { token: auth.accessToken });
  const mentorship = mentorships.find((m) => m.myRole === 'mentee' && m.status === 'active');
  if (!mentorship) throw new Error(`${MENTEE} has no active mentorship in the demo seed`);
  const programs = await api<ProgramResponse[]>('/programs', { token: auth.accessToken });
  const program = programs[0];
  if (!program) throw new Error('the demo mentee is in no program');
  return { programId: program.id, mentorEmail: mentorship.other.email, names: [auth.user.fullName, mentorship.other.fullName] };
}

/** What people wrote in the forum is data, in whatever language they wrote it (other journeys post in English). */
async function forumText(programId: string): Promise<string[]> {
  const auth = await api<AuthResponse>('/auth/login', { body: { email: MENTEE, password: DEMO_PASSWORD } });
  const threads = await api<Array<{ title: string; body: string }>>(`/programs/${programId}/forum/threads?limit=100`, { token: auth.accessToken });
  return threads.flatMap((t) => [t.title, ...t.body.split('\n')]);
}

async function openForum(page: Page, programId: string): Promise<void> {
  await page.goto(`${baseUrl()}/programs/${programId}`);
  await page.getByTestId('forum-link').click();
  await page.waitForURL((url) => url.pathname === `/programs/${programId}/forum`);
  await page.locator('#forum-search').waitFor();
}

describe('forum: an anonymous question answered live and marked as the answer', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  it('the mentee asks anonymously, the mentor answers in another page, it appears live, and the mentee accepts it', async () => {
    const forum = await demoForum();
    const en = JOURNEY_SETUPS.find((s) => s.language === 'en' && s.viewport === 'desktop');
    if (!en) throw new Error('no desktop journey');
    const mentee = await openJourney(browser, en);
    const mentor = await openJourney(browser, en);
    try {
      await signInAs(mentee.page, MENTEE);
      await openForum(mentee.page, forum.programId);
      const stamp = Date.now().toString(36);
      const title = `What if I fail the anatomy spotter? ${stamp}`;
      await mentee.page.locator('#forum-title').fill(title);
      await mentee.page.locator('#forum-body').fill('I am afraid to ask in class.\nhttps://example.org/syllabus <b>not bold</b>');
      await mentee.page.getByTestId('forum-anonymous').check();
      // The promise about anonymity is on the form before posting.
      expect(await mentee.page.locator('#forum-anonymous-explained').innerText()).toContain('coordinators can still see who asked');
      await mentee.page.locator('form[aria-labelledby="forum-ask-heading"] button[type="submit"]').click();
      const card = mentee.page.getByTestId('forum-thread-card').filter({ hasText: title });
      await card.waitFor();
      expect(await card.innerText()).toContain('Anonymous mentee');

      await signInAs(mentor.page, forum.mentorEmail);
      await openForum(mentor.page, forum.programId);
      const mentorCard = mentor.page.getByTestId('forum-thread-card').filter({ hasText: title });
      await mentorCard.waitFor();
      expect(await mentorCard.innerText()).not.toContain(forum.names[0]);

      // The mentee keeps the question open; the mentor's answer arrives without a reload.
      await card.getByRole('link').click();
      await mentee.page.getByRole('heading', { level: 1, name: title }).waitFor();
      // Shown as text: the markup is visible, the address is a link.
      expect(await mentee.page.locator('.forum-question .forum-text').innerText()).toContain('<b>not bold</b>');
      expect(await mentee.page.locator('.forum-question .forum-text a[href="https://example.org/syllabus"]').count()).toBe(1);

      await mentorCard.getByRole('link').click();
      await mentor.page.locator('#forum-reply').fill(`Everyone is nervous: practise with the plastic models ${stamp}`);
      await mentor.page.locator('#forum-reply').locator('xpath=ancestor::form').locator('button[type="submit"]').click();
      const reply = mentee.page.getByTestId('forum-reply').filter({ hasText: `plastic models ${stamp}` });
      await reply.waitFor({ timeout: 15_000 });
      expect(await reply.innerText()).toContain('Mentor');

      await reply.getByTestId('forum-accept').click();
      await mentee.page.getByTestId('forum-accepted-reply').filter({ hasText: `plastic models ${stamp}` }).waitFor();
      expect(await pageProblems(mentee)).toEqual([]);
    } finally {
      await mentee.context.close();
      await mentor.context.close();
    }
  });

  describe.each(JOURNEY_SETUPS)('the forum pages ($label)', (setup) => {
    let journey: Journey;
    afterEach(async () => journey.context.close());

    it('lists, searches and opens a question with no accessibility, overflow or language problems', async () => {
      const forum = await demoForum();
      const allow = [...(await demoDataAllowList()), ...forum.names];
      journey = await openJourney(browser, setup);
      await signInAs(journey.page, MENTEE);
      await openForum(journey.page, forum.programId);
      const words = setup.language === 'fa' ? 'امتحان آناتومی' : 'anatomy exam';
      await journey.page.locator('#forum-title').fill(`${words} ${Date.now().toString(36)}`);
      await journey.page.locator('#forum-body').fill(setup.language === 'fa' ? 'چطور برای امتحان آماده شوم؟' : 'How should I prepare?');
      await journey.page.locator('form[aria-labelledby="forum-ask-heading"] button[type="submit"]').click();
      await journey.page.getByTestId('forum-thread-card').first().waitFor();
      expect(await pageProblems(journey, { allow: [...allow, ...(await forumText(forum.programId))] })).toEqual([]);

      await journey.page.locator('#forum-search').fill(setup.language === 'fa' ? 'آناتومي' : 'anatomy');
      await journey.page.getByTestId('forum-thread-card').first().waitFor();
      await journey.page.getByTestId('forum-thread-card').first().getByRole('link').click();
      await journey.page.locator('.forum-question h1').waitFor();
      expect(await pageProblems(journey, { allow: [...allow, ...(await forumText(forum.programId))] })).toEqual([]);
    });
  });
});
