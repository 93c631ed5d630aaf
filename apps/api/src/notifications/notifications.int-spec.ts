import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { EnrollmentRole, NotificationKind, type ChatClientToServerEvents, type ChatServerToClientEvents, type Notification } from '@pm/contracts';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startSmtpSink, type SmtpSink } from '@api-test/smtp-sink';
import { startTestApp, type TestApp } from '@api-test/test-app';
import type { ParsedMail } from 'mailparser';
import { NOTIFICATION_CHANNEL, NotificationsService } from './notifications.service';
import { ReminderScheduler } from './reminders';

type Client = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; ) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(100);
  }
}

/** The text/calendar part of a mail (nodemailer's icalEvent becomes an alternative and an attachment). */
function calendarOf(mail: ParsedMail): string | undefined {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar') || a.contentType === 'application/ics');
  return part?.content.toString('utf8');
}

/** Unfolded iCalendar lines. */
const icsLines = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
const icsValue = (text: string, name: string): string[] => icsLines(text).filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`)).map((l) => l.slice(l.indexOf(':') + 1));

describe('notifications (integration, real SMTP server)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let baseUrl: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Peer mentoring <mentoring@school.example>',
      MAIL_RETRY_DELAY_SECONDS: '1',
      REMINDER_LEAD_MINUTES: '1440,1',
      MESSAGE_NOTIFY_DELAY_MINUTES: '0',
      UNREAD_SWEEP_SECONDS: '1',
    });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await t.close();
    await smtp.close();
  });

  interface Pair {
    programId: string;
    mentor: TestUser;
    mentee: TestUser;
    mentorshipId: string;
  }

  async function pair(timezone = 'Asia/Tehran'): Promise<Pair> {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator, { timezone });
    const mentor = await newMentor(t, { fullName: 'Sara Mentor' });
    const mentee = await newMentee(t, { fullName: 'Ali Mentee' });
    await enrol(t, program.id, mentor, EnrollmentRole.Mentor);
    await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
    const res = await t.http().post(`/api/programs/${program.id}/mentorships`).set(coordinator.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id }).expect(201);
    return { programId: program.id, mentor, mentee, mentorshipId: (res.body as { id: string }).id };
  }

  const list = async (who: TestUser): Promise<Notification[]> => (await t.http().get('/api/me/notifications').set(who.auth).expect(200)).body as Notification[];
  const mailsTo = (who: TestUser, kind?: RegExp): ParsedMail[] =>
    smtp.mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((a) => a.address === who.user.email) && (!kind || kind.test(m.subject ?? '')));
  const book = (p: Pair, by: TestUser, startsAt: string, endsAt: string): Promise<{ body: { id: string } }> =>
    t.http().post('/api/sessions').set(by.auth).send({ mentorshipId: p.mentorshipId, startsAt, endsAt, modality: 'in_person', location: 'Room 2.14' }).expect(201);

  function connect(who: TestUser): Promise<Client> {
    const socket: Client = io(`${baseUrl}/chat`, { auth: { token: who.token }, transports: ['websocket'], forceNew: true, reconnection: false });
    clients.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  it('tells both sides of a manual match, linking to their conversation', async () => {
    const p = await pair();
    const [mentorSide] = await list(p.mentor);
    const [menteeSide] = await list(p.mentee);
    expect(mentorSide).toMatchObject({ kind: 'match_made', title: 'You have a new mentee: Ali Mentee', link: expect.stringMatching(/^\/chat\/[0-9a-f-]{36}$/) });
    expect(menteeSide).toMatchObject({ kind: 'match_made', title: 'You have been matched with a mentor: Sara Mentor' });
    expect(menteeSide?.link).toBe(mentorSide?.link);
    await waitFor(() => mailsTo(p.mentee, /matched/).length === 1 || undefined, 'the match mail');
  });

  it('mails the mentor a booking with an invitation whose UID is the feed’s, pushes it live, and tells the booker nothing', async () => {
    const p = await pair();
    const socket = await connect(p.mentor);
    const pushed = new Promise<Notification>((resolve) => socket.on('notification:new', (n) => n.kind === 'session_booked' && resolve(n)));
    const { body } = await book(p, p.mentee, '2030-05-06T10:00:00+03:30', '2030-05-06T11:00:00+03:30');
    const live = await pushed;
    expect(live).toMatchObject({ kind: 'session_booked', link: `/sessions/${body.id}`, readAt: null });
    // In the program's time zone (Tehran): 10:00 there.
    expect(live.body).toContain('10:00');
    expect(live.body).toContain('Ali Mentee');
    expect((await list(p.mentee)).filter((n) => n.kind === 'session_booked')).toEqual([]);

    const mail = await waitFor(() => mailsTo(p.mentor, /New session/)[0], 'the booking mail');
    expect(mailsTo(p.mentee, /New session/)).toEqual([]);
    expect(mail.text).toContain(`/sessions/${body.id}`);
    const ics = calendarOf(mail);
    expect(ics).toBeDefined();
    expect(icsValue(ics as string, 'METHOD')).toEqual(['REQUEST']);
    const feed = await t.http().post('/api/me/calendar-feed').set(p.mentor.auth).expect(201);
    const feedBody = (await t.http().get(new URL((feed.body as { url: string }).url).pathname)).text;
    expect(icsValue(ics as string, 'UID')).toEqual([`${body.id}@peer-mentoring`]);
    expect(icsValue(feedBody, 'UID')).toContain(`${body.id}@peer-mentoring`);
    expect(icsValue(ics as string, 'SEQUENCE')).toEqual(['0']);
    // The feed reminds at the shortest lead (1 minute here).
    expect(icsLines(feedBody)).toContain('TRIGGER:-PT1M');

    // Cancelling mails METHOD:CANCEL for the same UID with a higher SEQUENCE.
    await t.http().patch(`/api/sessions/${body.id}`).set(p.mentee.auth).send({ status: 'cancelled', reason: 'exam' }).expect(200);
    const cancel = await waitFor(() => mailsTo(p.mentor, /cancelled/)[0], 'the cancellation mail');
    const cancelIcs = calendarOf(cancel) as string;
    expect(icsValue(cancelIcs, 'METHOD')).toEqual(['CANCEL']);
    expect(icsValue(cancelIcs, 'UID')).toEqual([`${body.id}@peer-mentoring`]);
    expect(icsValue(cancelIcs, 'STATUS')).toEqual(['CANCELLED']);
    expect(Number(icsValue(cancelIcs, 'SEQUENCE')[0])).toBeGreaterThan(0);
  });

  it('reads back for the live push only the notifications of users connected to this instance', async () => {
    const p = await pair();
    const socket = await connect(p.mentor);
    // Booking notifications only: the match's own, announced just before the mentor connected, may reach them too.
    const pushed: string[] = [];
    socket.on('notification:new', (n) => n.kind === NotificationKind.SessionBooked && pushed.push(n.id));
    const query = jest.spyOn(t.dataSource, 'query');
    try {
      // The mentee is not connected: their booking notification is announced, and nobody reads it back.
      await book(p, p.mentor, '2030-06-03T10:00:00+03:30', '2030-06-03T11:00:00+03:30');
      await book(p, p.mentee, '2030-06-04T10:00:00+03:30', '2030-06-04T11:00:00+03:30');
      // NOTIFYs reach the listener in commit order: once the second push is here, the first was handled.
      await waitFor(() => pushed.length === 1 || undefined, 'the push to the connected mentor');
      const [menteeSide] = (await list(p.mentee)).filter((n) => n.kind === NotificationKind.SessionBooked);
      const [mentorSide] = (await list(p.mentor)).filter((n) => n.kind === NotificationKind.SessionBooked);
      expect(pushed).toEqual([mentorSide?.id]);
      const readBack = query.mock.calls.filter(([sql]) => sql.includes('WHERE n.id = ANY($1::uuid[])')).flatMap(([, params]) => (params as [string[]])[0]);
      expect(readBack).toContain(mentorSide?.id);
      expect(readBack).not.toContain(menteeSide?.id);

      // An announcement of bare ids (an instance of the version before, during a rolling upgrade) still pushes.
      await t.dataSource.query('SELECT pg_notify($1, $2)', [NOTIFICATION_CHANNEL, mentorSide?.id]);
      await waitFor(() => pushed.length === 2 || undefined, 'the push of a bare id');
      expect(pushed).toEqual([mentorSide?.id, mentorSide?.id]);
    } finally {
      query.mockRestore();
    }
  });

  it('stores a notification and queues its jobs with statements prepared on the transaction’s connection', async () => {
    const p = await pair();
    const rollback = new Error('roll back');
    let names: string[] = [];
    await t.dataSource
      .transaction(async (manager) => {
        await t.app.get(NotificationsService).notify(manager, { kind: NotificationKind.SessionBooked, recipientIds: [p.mentor.user.id], link: '/sessions/x', params: {} });
        await t.app.get(ReminderScheduler).scheduleMany(manager, [{ sessionId: randomUUID(), startsAt: new Date(Date.now() + 3 * 86_400_000) }]);
        const rows: Array<{ name: string }> = await manager.query(`SELECT name FROM pg_prepared_statements WHERE name = 'notification_store' OR name LIKE 'pgboss\\_%' ORDER BY name`);
        names = rows.map((r) => r.name);
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    // The notification, and its mail (SMTP is on here) and the reminders through pg-boss's insert statement.
    expect(names).toContain('notification_store');
    expect(names.filter((n) => /^pgboss_[0-9a-f]{16}$/.test(n))).not.toEqual([]);
  });

  it('with e-mail off, notifies in the dashboard and mails nothing', async () => {
    const p = await pair();
    await t.http().put('/api/me/notification-settings').set(p.mentor.auth).send({ email: false, language: 'en' }).expect(200);
    await book(p, p.mentee, '2030-06-06T10:00:00Z', '2030-06-06T11:00:00Z');
    expect((await list(p.mentor)).map((n) => n.kind)).toContain('session_booked');
    // Give the mail queue time to run: a mail would have arrived by now (the others take well under this).
    await pause(3000);
    expect(mailsTo(p.mentor, /New session/)).toEqual([]);
  });

  it('writes to a Persian reader in Persian, right to left, with the Persian calendar', async () => {
    const p = await pair();
    await t.http().put('/api/me/notification-settings').set(p.mentor.auth).send({ email: true, language: 'fa' }).expect(200);
    await book(p, p.mentee, '2030-05-06T10:00:00+03:30', '2030-05-06T11:00:00+03:30');
    const [n] = (await list(p.mentor)).filter((x) => x.kind === 'session_booked');
    expect(n?.title).toBe('جلسهٔ تازه با Ali Mentee');
    // 16 Ordibehesht 1409 at 10:00 Tehran time, in Persian digits.
    expect(n?.body).toContain('۱۴۰۹');
    expect(n?.body).toContain('۱۰:۰۰');
    const mail = await waitFor(() => mailsTo(p.mentor, /جلسه/)[0], 'the Persian mail');
    expect(mail.html).toMatch(/<html lang="fa" dir="rtl">/);
    expect(mail.text).toContain('اردیبهشت');
  });

  it('delivers a mail after the SMTP server refused the first attempts', async () => {
    const p = await pair();
    // The match mails first, so that the refusals fall on the booking's.
    await waitFor(() => (mailsTo(p.mentor, /mentee/).length === 1 && mailsTo(p.mentee, /mentor/).length === 1) || undefined, 'the match mails');
    const before = smtp.refused;
    smtp.refuseNext(2);
    await book(p, p.mentee, '2030-07-06T10:00:00Z', '2030-07-06T11:00:00Z');
    await waitFor(() => mailsTo(p.mentor, /New session/)[0], 'the mail after retries', 75_000);
    expect(smtp.refused - before).toBe(2);
    // The worker records the mail as sent once the SMTP server has answered, a moment after the server has it.
    const rows = await waitFor(async () => {
      const found: Array<{ mail_status: string; mail_attempts: number }> = await t.dataSource.query(
        `SELECT mail_status, mail_attempts FROM notification WHERE recipient_id = $1 AND kind = 'session_booked'`,
        [p.mentor.user.id],
      );
      return found[0]?.mail_status === 'queued' ? undefined : found;
    }, 'the mail recorded');
    expect(rows).toEqual([{ mail_status: 'sent', mail_attempts: 3 }]);
    // Real queue, real backoff (1 s, then 2 s) and the queue's polling: slow on a busy machine.
  }, 90_000);

  it('reminds each participant once at the lead, none for a cancelled session, a moved one at its new time only', async () => {
    const p = await pair('UTC');
    const soon = (s: number): string => new Date(Math.ceil((Date.now() + s * 1000) / 1000) * 1000).toISOString();
    // Lead 1 minute: reminders due 6 s, 10 s and (moved) 14 s from now.
    const kept = await book(p, p.mentor, soon(66), soon(70));
    const cancelled = await book(p, p.mentor, soon(80), soon(84));
    const moved = await book(p, p.mentor, soon(90), soon(94));
    await t.http().patch(`/api/sessions/${cancelled.body.id}`).set(p.mentor.auth).send({ status: 'cancelled' }).expect(200);
    const newStart = soon(74);
    await t.http().patch(`/api/sessions/${moved.body.id}`).set(p.mentor.auth).send({ startsAt: newStart, endsAt: soon(78) }).expect(200);
    const reminders = async (): Promise<Array<{ recipient_id: string; link: string; starts_at: string }>> =>
      t.dataSource.query(`SELECT recipient_id, link, params->>'startsAt' AS starts_at FROM notification WHERE kind = 'session_reminder' AND recipient_id = ANY($1::uuid[]) ORDER BY link, recipient_id`, [
        [p.mentor.user.id, p.mentee.user.id],
      ]);
    await waitFor(async () => ((await reminders()).length >= 4 ? true : undefined), 'the reminders', 40_000);
    // Any late duplicate would land within another poll or two.
    await pause(3000);
    const rows = await reminders();
    expect(rows.filter((r) => r.link === `/sessions/${kept.body.id}`)).toHaveLength(2);
    expect(rows.filter((r) => r.link === `/sessions/${moved.body.id}`).map((r) => r.starts_at)).toEqual([newStart.replace('.000Z', '.000Z'), newStart]);
    expect(rows.filter((r) => r.link === `/sessions/${cancelled.body.id}`)).toEqual([]);
    expect(rows).toHaveLength(4);
  }, 90_000);

  it('notifies an unread chat message once per conversation until it is read', async () => {
    const p = await pair();
    const mentee = await connect(p.mentee);
    const conversations = (await t.http().get('/api/conversations').set(p.mentee.auth).expect(200)).body as Array<{ id: string; programId: string }>;
    const conversationId = conversations.find((c) => c.programId === p.programId)?.id as string;
    const send = (body: string): Promise<unknown> =>
      new Promise((resolve) => mentee.emit('message:send', { conversationId, body, clientMessageId: `${body}-${Date.now()}` }, resolve));
    await send('hello');
    await send('are you there?');
    const unread = async (): Promise<Notification[]> => (await list(p.mentor)).filter((n) => n.kind === 'message_unread');
    const [first] = await waitFor(async () => ((await unread()).length > 0 ? unread() : undefined), 'the unread notification');
    expect(first).toMatchObject({ link: `/chat/${conversationId}`, title: 'Unread message from Ali Mentee' });
    await send('third');
    await pause(2500);
    expect(await unread()).toHaveLength(1);
    // The mentor opens the conversation: what came before is seen; a new message may notify again.
    const mentor = await connect(p.mentor);
    await new Promise((resolve) => mentor.emit('conversation:join', { conversationId }, resolve));
    await pause(1500);
    expect(await unread()).toHaveLength(1);
    await send('fourth');
    await waitFor(async () => ((await unread()).length === 2 ? true : undefined), 'a second unread notification after reading');
  }, 60_000);

  it('marks one or all read, ignores other people’s ids, and refuses bad bodies with 400', async () => {
    const p = await pair();
    const mine = await list(p.mentor);
    const theirs = await list(p.mentee);
    expect(mine.length).toBeGreaterThan(0);
    const before = (await t.http().get('/api/me/notifications/unread').set(p.mentee.auth).expect(200)).body as { unread: number };
    // Someone else's id changes nothing for its owner.
    const res = await t.http().post('/api/me/notifications/read').set(p.mentor.auth).send({ ids: theirs.map((n) => n.id) }).expect(200);
    expect(res.body).toEqual({ unread: mine.length });
    expect((await t.http().get('/api/me/notifications/unread').set(p.mentee.auth).expect(200)).body).toEqual(before);
    await t.http().post('/api/me/notifications/read').set(p.mentor.auth).send({ ids: [mine[0]?.id] }).expect(200, { unread: mine.length - 1 });
    await t.http().post('/api/me/notifications/read').set(p.mentor.auth).send({ all: true }).expect(200, { unread: 0 });
    expect((await list(p.mentor)).every((n) => n.readAt !== null)).toBe(true);
    for (const bad of [{}, { ids: 'x' }, { ids: ['not-a-uuid'] }, { all: false }, null]) {
      await t.http().post('/api/me/notifications/read').set(p.mentor.auth).send(bad ?? undefined).expect(400);
    }
    for (const bad of [{}, { email: 'yes', language: 'en' }, { email: true, language: 'de' }, { email: true }]) {
      await t.http().put('/api/me/notification-settings').set(p.mentor.auth).send(bad).expect(400);
    }
    await t.http().get('/api/me/notifications?limit=0').set(p.mentor.auth).expect(400);
    await t.http().get('/api/me/notifications?before=nope').set(p.mentor.auth).expect(400);
    expect((await t.http().get('/api/me/notification-settings').set(p.mentee.auth).expect(200)).body).toEqual({ email: true, language: 'en' });
  });
});
