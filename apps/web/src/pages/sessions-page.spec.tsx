import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MyMentorshipResponse, SessionResponse, SlotsResponse } from '@pm/contracts';
import { stubApi, type StubRequest } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { SessionsPage } from './sessions-page';

const mentorship: MyMentorshipResponse = {
  id: 'ms1',
  programId: 'p1',
  programName: 'Preclinical Peer Mentoring',
  myRole: 'mentee',
  status: 'active',
  other: { id: 'u-mentor', fullName: 'Sara Ahmadi', email: 'mentor1@demo.example', yearOfStudy: 4 },
  createdAt: '2026-03-01T10:00:00.000Z',
  startedOn: '2026-03-01',
  sharedModalities: ['in_person', 'virtual'],
};

const session = (id: string, startsAt: string, endsAt: string, extra: Partial<SessionResponse> = {}): SessionResponse => ({
  id,
  status: 'scheduled',
  mentorshipId: 'ms1',
  programId: 'p1',
  title: null,
  startsAt,
  endsAt,
  modality: 'virtual',
  location: null,
  meetingUrl: `https://meet.example/${id}`,
  seatLimit: 1,
  seriesId: null,
  sequence: 0,
  mentor: { userId: 'u-mentor', fullName: 'Sara Ahmadi' },
  attendees: [{ userId: 'u-me', fullName: 'Zahra Karimi', mentorshipId: 'ms1', active: true, attendance: null }],
  myRole: 'mentee',
  cancelReason: null,
  cancelledAt: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  ...extra,
});

const upcoming = session('s-up', '2030-03-25T10:00:00.000Z', '2030-03-25T11:00:00.000Z');
const past = session('s-past', '2020-03-02T10:00:00.000Z', '2020-03-02T11:00:00.000Z', { modality: 'in_person', meetingUrl: null, location: 'Library, room 2.14' });

const slots: SlotsResponse = {
  timeZone: 'UTC',
  mentorTimeZone: 'Asia/Tehran',
  published: true,
  durationMinutes: 60,
  slots: [
    { startsAt: '2030-03-26T09:00:00+00:00', endsAt: '2030-03-26T10:00:00+00:00' },
    { startsAt: '2030-03-26T09:30:00+00:00', endsAt: '2030-03-26T10:30:00+00:00' },
  ],
  busy: [],
};

function fakeApi(onPost?: (request: StubRequest) => Response | undefined, slotAnswer: SlotsResponse = slots) {
  return stubApi((request) => {
    const { method, path } = request;
    if (method === 'GET' && path === '/me/mentorships') return json([mentorship]);
    if (method === 'GET' && path === '/me/sessions') return json([past, upcoming]);
    if (method === 'GET' && path === '/mentorships/ms1/slots') return json(slotAnswer);
    if (method === 'GET' && path === '/me/calendar-feed') return json({ active: false, createdAt: null, url: null, webcalUrl: null });
    if (method !== 'GET') return onPost?.(request);
    return undefined;
  });
}

describe('SessionsPage', () => {
  it('lists upcoming and past sessions with the meeting link, modality, location and status', async () => {
    fakeApi();
    await renderWithProviders(<SessionsPage />);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    const rows = await screen.findAllByTestId('session-row');
    expect(rows).toHaveLength(2);
    const up = within(screen.getByTestId('upcoming-sessions')).getByTestId('session-row');
    const link = within(up).getByTestId('meeting-link');
    expect(link.tagName).toBe('A');
    expect(link.getAttribute('href')).toBe('https://meet.example/s-up');
    expect(up.textContent).toContain('Virtual');
    expect(up.textContent).toContain('Scheduled');
    expect(up.textContent).toContain('Sara Ahmadi');
    const old = within(screen.getByTestId('past-sessions')).getByTestId('session-row');
    expect(old.textContent).toContain('Library, room 2.14');
    expect(within(old).queryByTestId('cancel-session')).toBeNull();
  });

  it('books a free slot as a virtual session', async () => {
    const api = fakeApi(({ method, path }) => (method === 'POST' && path === '/sessions' ? json({ ...upcoming, id: 's-new', occurrences: [] }, 201) : undefined));
    await renderWithProviders(<SessionsPage />);
    const form = await screen.findByTestId('book-session-form');
    fireEvent.change(within(form).getByLabelText('Day'), { target: { value: '2030-03-26' } });
    const options = await within(form).findAllByTestId('slot-option');
    expect(options).toHaveLength(2);
    fireEvent.click(options[1] as HTMLElement);
    fireEvent.click(within(form).getByTestId('book-submit'));
    await waitFor(() => expect(api.calls('POST', '/sessions')).toHaveLength(1));
    expect(api.calls('POST', '/sessions')[0]?.body).toEqual({ mentorshipId: 'ms1', startsAt: '2030-03-26T09:30:00+00:00', endsAt: '2030-03-26T10:30:00+00:00', modality: 'virtual' });
    expect(await within(form).findByRole('status')).toBeTruthy();
  });

  it('asks for a location in person, and shows the clashing time of a 409', async () => {
    const api = fakeApi(({ method }) =>
      method === 'POST'
        ? json({ statusCode: 409, error: 'Conflict', code: 'SESSION_CONFLICT', message: 'clash', conflict: { startsAt: '2030-03-26T09:00:00.000Z', endsAt: '2030-03-26T10:00:00.000Z' } }, 409)
        : undefined,
    );
    await renderWithProviders(<SessionsPage />);
    const form = await screen.findByTestId('book-session-form');
    fireEvent.change(within(form).getByLabelText('Day'), { target: { value: '2030-03-26' } });
    fireEvent.click((await within(form).findAllByTestId('slot-option'))[0] as HTMLElement);
    fireEvent.click(within(form).getByTestId('modality-in_person'));
    fireEvent.click(within(form).getByTestId('book-submit'));
    expect((await within(form).findByText('Enter where you will meet.')).getAttribute('role')).toBe('alert');
    expect(api.calls('POST', '/sessions')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText(/^Location/), { target: { value: 'Library, room 2.14' } });
    fireEvent.click(within(form).getByTestId('book-submit'));
    const error = await within(form).findByTestId('book-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('clashes with another session');
    expect(error.textContent).not.toContain('2030-03-26T09:00');
    expect(api.calls('POST', '/sessions')[0]?.body).toMatchObject({ modality: 'in_person', location: 'Library, room 2.14' });
  });

  it('without published hours, books a chosen start and length', async () => {
    const api = fakeApi(({ method }) => (method === 'POST' ? json({ ...upcoming, occurrences: [] }, 201) : undefined), { ...slots, published: false, slots: [] });
    await renderWithProviders(<SessionsPage />);
    const form = await screen.findByTestId('book-session-form');
    fireEvent.change(within(form).getByLabelText('Day'), { target: { value: '2030-03-26' } });
    fireEvent.change(await within(form).findByLabelText('Start time'), { target: { value: '14:00' } });
    fireEvent.change(within(form).getByLabelText('Length'), { target: { value: '30' } });
    fireEvent.click(within(form).getByTestId('book-submit'));
    await waitFor(() => expect(api.calls('POST', '/sessions')).toHaveLength(1));
    const body = api.calls('POST', '/sessions')[0]?.body as { startsAt: string; endsAt: string };
    expect(new Date(body.startsAt).getTime()).toBe(new Date('2030-03-26T14:00').getTime());
    expect(new Date(body.endsAt).getTime() - new Date(body.startsAt).getTime()).toBe(30 * 60_000);
  });

  it('cancels an upcoming session with a reason', async () => {
    const api = fakeApi(({ method, path }) => (method === 'PATCH' && path === '/sessions/s-up' ? json({ ...upcoming, status: 'cancelled' }) : undefined));
    await renderWithProviders(<SessionsPage />);
    const up = within(await screen.findByTestId('upcoming-sessions')).getByTestId('session-row');
    fireEvent.click(within(up).getByTestId('cancel-session'));
    fireEvent.change(within(up).getByLabelText(/Reason/), { target: { value: 'Exam week' } });
    fireEvent.click(within(up).getByTestId('cancel-session-confirm'));
    await waitFor(() => expect(api.calls('PATCH', '/sessions/s-up')).toHaveLength(1));
    expect(api.calls('PATCH', '/sessions/s-up')[0]?.body).toEqual({ status: 'cancelled', reason: 'Exam week' });
  });

  it('for a mentor, publishes weekly hours with a buffer and a day off', async () => {
    const asMentor: MyMentorshipResponse = { ...mentorship, id: 'ms2', myRole: 'mentor', other: { id: 'u-me', fullName: 'Zahra Karimi', email: 'mentee1@demo.example', yearOfStudy: 1 } };
    const api = stubApi(({ method, path, body }) => {
      if (path === '/me/mentorships') return json([asMentor]);
      if (path === '/me/sessions') return json([]);
      if (path === '/me/calendar-feed') return json({ active: false, createdAt: null, url: null, webcalUrl: null });
      if (method === 'GET' && path === '/me/availability') return json({ timeZone: 'Asia/Tehran', bufferMinutes: 0, weekly: [], overrides: [], published: false, updatedAt: null });
      if (method === 'PUT' && path === '/me/availability') return json({ ...(body as object), published: true, updatedAt: '2030-01-01T00:00:00.000Z' });
      return undefined;
    });
    await renderWithProviders(<SessionsPage />);
    const form = await screen.findByTestId('availability-form');
    // A mentor books for their mentee too.
    expect(within(screen.getByTestId('book-session-form')).getByRole('option', { name: 'Zahra Karimi, your mentee (Preclinical Peer Mentoring)' })).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Free minutes between sessions'), { target: { value: '15' } });
    fireEvent.click(within(form).getByTestId('add-weekly'));
    fireEvent.change(within(form).getByLabelText('Day'), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add exception' }));
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2030-04-01' } });
    fireEvent.click(within(form).getByTestId('availability-save'));
    await waitFor(() => expect(api.calls('PUT', '/me/availability')).toHaveLength(1));
    expect(api.calls('PUT', '/me/availability')[0]?.body).toEqual({
      timeZone: 'Asia/Tehran',
      bufferMinutes: 15,
      weekly: [{ weekday: 3, start: '09:00', end: '12:00' }],
      overrides: [{ date: '2030-04-01', available: false }],
    });
    expect((await screen.findByTestId('availability-state')).textContent).toBe('Published');
  });

  it('for a mentor, marks a mentee as attended on a past session', async () => {
    const asMentor: MyMentorshipResponse = { ...mentorship, myRole: 'mentor' };
    const held = { ...past, myRole: 'mentor' as const };
    const api = stubApi(({ method, path }) => {
      if (path === '/me/mentorships') return json([asMentor]);
      if (path === '/me/sessions') return json([held]);
      if (path === '/me/availability') return json({ timeZone: 'UTC', bufferMinutes: 0, weekly: [], overrides: [], published: false, updatedAt: null });
      if (path === '/me/calendar-feed') return json({ active: false, createdAt: null, url: null, webcalUrl: null });
      if (method === 'PUT' && path === '/sessions/s-past/attendance') return json(held);
      return undefined;
    });
    await renderWithProviders(<SessionsPage />);
    fireEvent.click(await screen.findByTestId('mark-attended'));
    await waitFor(() => expect(api.calls('PUT', '/sessions/s-past/attendance')).toHaveLength(1));
    expect(api.calls('PUT', '/sessions/s-past/attendance')[0]?.body).toEqual({ records: [{ menteeId: 'u-me', attendance: 'attended' }] });
  });

  it('offers only the ways both people can meet', async () => {
    const virtualOnly: MyMentorshipResponse = { ...mentorship, sharedModalities: ['virtual'] };
    stubApi(({ path }) => {
      if (path === '/me/mentorships') return json([virtualOnly]);
      if (path === '/me/sessions') return json([]);
      if (path === '/me/calendar-feed') return json({ url: null, webcalUrl: null, createdAt: null });
      return undefined;
    });
    await renderWithProviders(<SessionsPage />);
    const form = await screen.findByTestId('book-session-form');
    expect(within(form).getByTestId('modality-virtual')).toBeTruthy();
    expect(within(form).queryByTestId('modality-in_person')).toBeNull();
    expect(form.textContent).toContain('Only the ways you both can meet are offered.');
  });

  it('says whose session is in the way, in words and local time, and clears an earlier success when a booking fails', async () => {
    let attempt = 0;
    fakeApi(({ method }) => {
      if (method !== 'POST') return undefined;
      attempt += 1;
      return attempt === 1
        ? json({ ...upcoming, id: 's-new', occurrences: [] }, 201)
        : json({ statusCode: 409, error: 'Conflict', code: 'SESSION_CONFLICT', message: 'The mentor already has…', conflict: { startsAt: '2030-03-26T09:00:00.000Z', endsAt: '2030-03-26T10:00:00.000Z', who: 'other' } }, 409);
    });
    await renderWithProviders(<SessionsPage />);
    const form = await screen.findByTestId('book-session-form');
    fireEvent.change(within(form).getByLabelText('Day'), { target: { value: '2030-03-26' } });
    fireEvent.click((await within(form).findAllByTestId('slot-option'))[0] as HTMLElement);
    fireEvent.click(within(form).getByTestId('book-submit'));
    expect(await within(form).findByRole('status')).toBeTruthy();
    fireEvent.click((await within(form).findAllByTestId('slot-option'))[1] as HTMLElement);
    fireEvent.click(within(form).getByTestId('book-submit'));
    const error = await within(form).findByTestId('book-error');
    expect(error.textContent).toMatch(/^Sara Ahmadi already has a session on .+ Choose another time\.$/);
    expect(within(form).queryByRole('status')).toBeNull();
  });

  it('for a mentor, books for their mentee at a chosen time, with no slots asked for', async () => {
    const asMentor: MyMentorshipResponse = { ...mentorship, myRole: 'mentor', other: { id: 'u-me', fullName: 'Zahra Karimi', email: 'mentee1@demo.example', yearOfStudy: 1 } };
    const api = stubApi(({ method, path }) => {
      if (path === '/me/mentorships') return json([asMentor]);
      if (path === '/me/sessions') return json([]);
      if (path === '/me/calendar-feed') return json({ url: null, webcalUrl: null, createdAt: null });
      if (path === '/me/availability') return json({ timeZone: 'UTC', bufferMinutes: 0, weekly: [], overrides: [], published: false, updatedAt: null });
      if (method === 'POST' && path === '/sessions') return json({ ...upcoming, myRole: 'mentor', occurrences: [] }, 201);
      return undefined;
    });
    await renderWithProviders(<SessionsPage />);
    const form = await screen.findByTestId('book-session-form');
    fireEvent.change(within(form).getByLabelText('Day'), { target: { value: '2030-03-26' } });
    fireEvent.change(await within(form).findByLabelText('Start time'), { target: { value: '15:00' } });
    fireEvent.click(within(form).getByTestId('book-submit'));
    await waitFor(() => expect(api.calls('POST', '/sessions')).toHaveLength(1));
    const body = api.calls('POST', '/sessions')[0]?.body as { mentorshipId: string; startsAt: string };
    expect(body.mentorshipId).toBe('ms1');
    expect(new Date(body.startsAt).getTime()).toBe(new Date('2030-03-26T15:00').getTime());
    expect(api.requests.some((request) => request.path.endsWith('/slots'))).toBe(false);
  });

  it("reschedules from the mentor's free slots, starting from the session's own day", async () => {
    const api = fakeApi(({ method, path }) => (method === 'PATCH' && path === '/sessions/s-up' ? json(upcoming) : undefined));
    await renderWithProviders(<SessionsPage />);
    const up = within(await screen.findByTestId('upcoming-sessions')).getByTestId('session-row');
    fireEvent.click(within(up).getByTestId('reschedule-session'));
    const form = within(up).getByTestId('reschedule-form');
    const options = await within(form).findAllByTestId('reschedule-slot-option');
    expect(options).toHaveLength(2);
    fireEvent.click(options[1] as HTMLElement);
    fireEvent.click(within(form).getByTestId('reschedule-submit'));
    await waitFor(() => expect(api.calls('PATCH', '/sessions/s-up')).toHaveLength(1));
    expect(api.calls('PATCH', '/sessions/s-up')[0]?.body).toEqual({ startsAt: '2030-03-26T09:30:00+00:00', endsAt: '2030-03-26T10:30:00+00:00' });
  });

  it('in Persian, names the clash as your own session', async () => {
    fakeApi(({ method }) =>
      method === 'POST'
        ? json({ statusCode: 409, error: 'Conflict', code: 'SESSION_CONFLICT', message: 'clash', conflict: { startsAt: '2030-03-26T09:00:00.000Z', endsAt: '2030-03-26T10:00:00.000Z', who: 'you' } }, 409)
        : undefined,
    );
    await renderWithProviders(<SessionsPage />, { language: 'fa' });
    const form = await screen.findByTestId('book-session-form');
    fireEvent.change(within(form).getByLabelText('روز'), { target: { value: '2030-03-26' } });
    fireEvent.click((await within(form).findAllByTestId('slot-option'))[0] as HTMLElement);
    fireEvent.click(within(form).getByTestId('book-submit'));
    expect((await within(form).findByTestId('book-error')).textContent).toMatch(/^شما در .+ جلسهٔ دیگری دارید/);
  });

  it('creates a calendar feed address, shows it again on the next visit, replaces it only after a warning, and revokes it', async () => {
    let token: string | null = null;
    const feed = () => ({
      active: token !== null,
      createdAt: token ? '2030-01-01T00:00:00.000Z' : null,
      url: token ? `https://pm.example/api/calendar/${token}.ics` : null,
      webcalUrl: token ? `webcal://pm.example/api/calendar/${token}.ics` : null,
    });
    const api = stubApi(({ method, path }) => {
      if (path === '/me/mentorships') return json([mentorship]);
      if (path === '/me/sessions') return json([]);
      if (method === 'POST' && path === '/me/calendar-feed') {
        token ??= 'first';
        return json(feed(), 201);
      }
      if (method === 'POST' && path === '/me/calendar-feed/replace') {
        token = 'second';
        return json(feed(), 201);
      }
      if (path !== '/me/calendar-feed') return undefined;
      if (method === 'DELETE') {
        token = null;
        return new Response(null, { status: 204 });
      }
      return json(feed());
    });
    const first = await renderWithProviders(<SessionsPage />);
    let card = await screen.findByTestId('calendar-feed');
    expect(card.textContent).toContain('every few hours');
    fireEvent.click(await within(card).findByTestId('create-feed'));
    const url = (await within(card).findByTestId('feed-url')) as HTMLInputElement;
    expect(url.value).toBe('https://pm.example/api/calendar/first.ics');
    expect(within(card).getByLabelText('Subscription address')).toBe(url);
    first.unmount();

    // Coming back: the same address, without making a new one.
    await renderWithProviders(<SessionsPage />);
    card = await screen.findByTestId('calendar-feed');
    expect(((await within(card).findByTestId('feed-url')) as HTMLInputElement).value).toBe('https://pm.example/api/calendar/first.ics');
    expect(api.calls('POST', '/me/calendar-feed')).toHaveLength(1);

    fireEvent.click(within(card).getByTestId('replace-feed'));
    expect(within(card).getByTestId('feed-confirm').textContent).toContain('stop updating');
    expect(api.calls('POST', '/me/calendar-feed/replace')).toHaveLength(0);
    fireEvent.click(within(card).getByTestId('feed-confirm-submit'));
    await waitFor(() => expect((within(card).getByTestId('feed-url') as HTMLInputElement).value).toBe('https://pm.example/api/calendar/second.ics'));

    fireEvent.click(within(card).getByTestId('revoke-feed'));
    fireEvent.click(within(card).getByTestId('feed-confirm-submit'));
    expect(await within(card).findByText('The address no longer works.')).toBeTruthy();
    await waitFor(() => expect(within(card).queryByTestId('feed-url')).toBeNull());
  });
});
