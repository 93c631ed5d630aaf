import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { MyMentorshipResponse, SlotsResponse } from '@pm/contracts';
import { accessibilityViolations, baseUrl, launchBrowser, signIn } from './support/browser';

const PASSWORD = 'demo-password';

async function api<T>(path: string, token: string, method = 'GET', body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl()}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function login(email: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** A free hour of the mentor's, some weeks ahead: a published slot when they have hours, else any free time. */
async function freeTime(token: string, mentorshipId: string): Promise<{ startsAt: string; endsAt: string }> {
  const firstDay = 40 + Math.floor(Math.random() * 60);
  for (let offset = 0; offset < 60; offset += 7) {
    const from = new Date(Date.now() + (firstDay + offset) * 86_400_000);
    from.setUTCHours(0, 0, 0, 0);
    const to = new Date(from.getTime() + 7 * 86_400_000);
    const q = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), timeZone: 'UTC', durationMinutes: '60' });
    const slots = await api<SlotsResponse>(`/mentorships/${mentorshipId}/slots?${q.toString()}`, token);
    const slot = slots.slots[Math.floor(Math.random() * slots.slots.length)];
    if (slot) return { startsAt: slot.startsAt, endsAt: slot.endsAt };
    if (!slots.published) {
      const start = new Date(from.getTime() + (8 + Math.floor(Math.random() * 10)) * 3_600_000);
      return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() };
    }
  }
  throw new Error('no free time found');
}

describe('notifications: the mentor’s badge turns to 1 live when the mentee books', () => {
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

  it('shows the new booking without a reload, lists it, and links to the session', async () => {
    const menteeToken = await login('mentee2@demo.example');
    const mentorships = await api<MyMentorshipResponse[]>('/me/mentorships', menteeToken);
    const mentorship = mentorships.find((m) => m.myRole === 'mentee' && m.status === 'active');
    if (!mentorship) throw new Error('mentee2 has no active mentor in the demo data');
    const mentorToken = await login(mentorship.other.email);
    // Whatever earlier tests left for the mentor is read: the badge starts empty.
    await api('/me/notifications/read', mentorToken, 'POST', { all: true });

    await signIn(page, mentorship.other.email, PASSWORD);
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    expect(await page.getByTestId('notification-badge').count()).toBe(0);

    const time = await freeTime(menteeToken, mentorship.id);
    const modality = mentorship.sharedModalities.includes('virtual') ? 'virtual' : 'in_person';
    const session = await api<{ id: string }>('/sessions', menteeToken, 'POST', {
      mentorshipId: mentorship.id,
      ...time,
      modality,
      ...(modality === 'in_person' ? { location: 'Library, room 3' } : {}),
    });

    // Live: the socket's notification:new, no reload.
    const badge = page.getByTestId('notification-badge');
    await badge.waitFor({ timeout: 30_000 });
    expect(await badge.textContent()).toBe('1');

    await bell.click();
    await page.getByTestId('notifications-page').waitFor();
    const item = page.getByTestId('notification-item').first();
    await item.waitFor();
    expect(await item.getAttribute('data-kind')).toBe('session_booked');
    expect(await item.getByRole('link').getAttribute('href')).toBe(`/sessions/${session.id}`);
    expect(await accessibilityViolations(page)).toEqual([]);

    await item.getByRole('link').click();
    await page.waitForURL(`${baseUrl()}/sessions/${session.id}`);
    const row = page.locator(`[data-session-id="${session.id}"]`);
    await row.waitFor();
    await page.waitForFunction((id) => document.querySelector(`[data-session-id="${id}"]`)?.getAttribute('data-highlighted') === 'true', session.id);
    // Opening it marked it read: the badge is gone.
    await page.waitForFunction(() => document.querySelector('[data-testid="notification-badge"]') === null);

    // The settings are one click from the list (and from every mail's footer).
    await page.goto(`${baseUrl()}/notifications/settings`);
    await page.getByTestId('notification-settings-form').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // A busy machine (the whole stack on two shared cores) is slow; the live step itself waits at most 30 s.
  }, 240_000);
});
