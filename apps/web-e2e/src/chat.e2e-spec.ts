import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AuthResponse, ConversationSummary, MyMentorshipResponse } from '@pm/contracts';
import { accessibilityViolations, baseUrl, launchBrowser, signIn } from './support/browser';

const PASSWORD = 'demo-password';
const MENTEE = 'mentee1@demo.example';

async function api<T>(path: string, init: { token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${baseUrl()}/api${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The demo seed matches mentee1 with a mentor; which one depends on the seed, so ask the API. */
async function demoPair(): Promise<{ mentorEmail: string; mentorName: string; menteeName: string; conversationId: string }> {
  const auth = await api<AuthResponse>('/auth/login', { body: { email: MENTEE, password: PASSWORD } });
  const mentorships = await api<MyMentorshipResponse[]>('/me/mentorships', { token: auth.accessToken });
  const mentorship = mentorships.find((m) => m.myRole === 'mentee' && m.status === 'active');
  if (!mentorship) throw new Error(`${MENTEE} has no active mentorship in the demo seed`);
  const conversations = await api<ConversationSummary[]>('/conversations', { token: auth.accessToken });
  const conversation = conversations.find((c) => c.mentorshipId === mentorship.id);
  if (!conversation) throw new Error('no conversation for the demo mentorship');
  return { mentorEmail: mentorship.other.email, mentorName: mentorship.other.fullName, menteeName: auth.user.fullName, conversationId: conversation.id };
}

/** Signs in, then goes to the chat through the main navigation and opens the pair's conversation from the list. */
async function openChat(page: Page, email: string, conversationId: string): Promise<void> {
  await signIn(page, email, PASSWORD);
  await page.getByTestId('program-list').waitFor();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Chat' }).click();
  await page.getByTestId('chat-page').waitFor();
  await page.locator(`[data-testid="conversation-link"][data-conversation-id="${conversationId}"]`).click();
  await page.locator(`[data-testid="conversation-panel"][data-conversation-id="${conversationId}"]`).waitFor();
  // Live once the reconnecting/connecting banner is gone.
  await page.getByTestId('chat-connection-banner').waitFor({ state: 'detached' });
}

const messageBody = (page: Page, text: string) => page.getByTestId('message-body').filter({ hasText: text });

describe('chat: a mentee and their mentor talk in real time', () => {
  let browser: Browser;
  let menteeContext: BrowserContext;
  let mentorContext: BrowserContext;
  let mentee: Page;
  let mentor: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());
  beforeEach(async () => {
    menteeContext = await browser.newContext();
    mentorContext = await browser.newContext();
    mentee = await menteeContext.newPage();
    mentor = await mentorContext.newPage();
  });
  afterEach(async () => {
    await menteeContext.close();
    await mentorContext.close();
  });

  it('each sees the other’s message appear live, with read receipts, and the page passes axe', async () => {
    const pair = await demoPair();
    await openChat(mentee, MENTEE, pair.conversationId);
    await openChat(mentor, pair.mentorEmail, pair.conversationId);
    expect(mentee.url()).toBe(`${baseUrl()}/chat/${pair.conversationId}`);
    expect(await mentee.getByRole('heading', { level: 2 }).innerText()).toBe(pair.mentorName);
    expect(await accessibilityViolations(mentee)).toEqual([]);

    // A unique text per run, with a line break (kept) and markup (shown as text).
    const stamp = Date.now().toString(36);
    const question = `Hello from the mentee ${stamp} <b>not bold</b>`;
    const composer = mentee.getByTestId('composer-input');
    await composer.fill(question);
    await composer.press('Shift+Enter');
    await composer.pressSequentially('second line');
    await composer.press('Enter');

    const seenByMentor = messageBody(mentor, question);
    await seenByMentor.waitFor({ timeout: 15_000 });
    expect(await seenByMentor.innerText()).toBe(`${question}\nsecond line`);
    expect(await seenByMentor.locator('b').count()).toBe(0);
    await mentee.locator('[data-testid="chat-message"][data-state="sent"]').filter({ hasText: question }).waitFor();

    const answer = `Hi! Answer from the mentor ${stamp}`;
    await mentor.getByTestId('composer-input').fill(answer);
    await mentor.getByTestId('composer-send').click();
    await messageBody(mentee, answer).waitFor({ timeout: 15_000 });

    // The mentor had the conversation on screen, so the mentee's message shows as seen.
    await mentee.getByTestId('chat-message').filter({ hasText: question }).getByTestId('seen').waitFor({ timeout: 15_000 });

    expect(await accessibilityViolations(mentee)).toEqual([]);
    expect(await accessibilityViolations(mentor)).toEqual([]);
  });
});
