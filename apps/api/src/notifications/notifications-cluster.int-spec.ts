import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Notification } from '@pm/contracts';
import { buildApi, call, connectChat, freshDatabase, newMentorship, pause, startApi, waitFor, type ApiProcess, type ChatClient } from '@api-test/api-process';
import { startSmtpSink, type SmtpSink } from '@api-test/smtp-sink';

// Two real API processes on one database and one SMTP server; one of them is killed with SIGKILL while it is
// handing mails over, then started again. Every event must yield exactly one notification per recipient and
// exactly one mail per notification: counted in the database and at the SMTP server.
describe('notifications across two API processes and a restart (integration)', () => {
  let main: string;
  let db: { url: string; drop: () => Promise<void> };
  let smtp: SmtpSink | undefined;
  const sink = (): SmtpSink => {
    if (!smtp) throw new Error('no SMTP server');
    return smtp;
  };
  const apis: ApiProcess[] = [];
  const sockets: ChatClient[] = [];
  const admin = { email: `admin-${randomUUID()}@proc.example`, password: `pw-${randomUUID()}` };

  beforeAll(async () => {
    main = buildApi();
    db = await freshDatabase('notify');
    smtp = await startSmtpSink();
    // Compiling the API takes minutes on a busy machine.
  }, 900_000);

  afterAll(async () => {
    for (const s of sockets.splice(0)) s.close();
    await Promise.all(apis.splice(0).map((a) => a.stop()));
    await smtp?.close();
    await db?.drop();
  }, 60_000);

  const env = (): Record<string, string> => ({
    DATABASE_URL: db.url,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    SMTP_URL: sink().url,
    MAIL_FROM: 'mentoring@school.example',
    MAIL_RETRY_DELAY_SECONDS: '1',
  });

  async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  it('notifies and mails each recipient exactly once, live on the other instance, across a SIGKILL and a restart', async () => {
    const a = await startApi(main, env(), { startupTimeoutMs: 180_000 });
    apis.push(a);
    const b = await startApi(main, env(), { startupTimeoutMs: 180_000 });
    apis.push(b);
    const pairs = await Promise.all([newMentorship(a.url, admin), newMentorship(b.url, admin), newMentorship(a.url, admin)]);

    // The mentor listens on B; the mentee books through A: the push crosses instances, once.
    const first = pairs[0] as (typeof pairs)[number];
    const socket = await connectChat(b.url, first.mentor.token);
    sockets.push(socket);
    const pushed: Notification[] = [];
    socket.on('notification:new', (n) => pushed.push(n));

    // Slow mails, so that B is killed while it holds some of them.
    sink().delayEach(700);
    const sessions: string[] = [];
    let second = b;
    for (let i = 0; i < 12; i++) {
      const p = pairs[i % pairs.length] as (typeof pairs)[number];
      // Alternating between the instances; while B is down, A takes everything.
      const via = i % 2 === 0 ? a : second;
      const day = String(1 + i).padStart(2, '0');
      const res = await call<{ id: string }>(via.url, 'POST', '/api/sessions', {
        token: p.mentee.token,
        body: { mentorshipId: p.mentorshipId, startsAt: `2030-03-${day}T10:00:00Z`, endsAt: `2030-03-${day}T11:00:00Z`, modality: 'virtual' },
      });
      expect(res.status).toBe(201);
      sessions.push(res.body.id);
      if (i === 0) await waitFor(() => pushed.some((n) => n.link === `/sessions/${res.body.id}`), 'the live notification on the other instance');
      if (i === 5) {
        b.child.kill('SIGKILL');
        await b.exited;
        second = a;
      }
      if (i === 8) {
        second = await startApi(main, env(), { startupTimeoutMs: 180_000 });
        apis.push(second);
      }
    }
    const bb = second;
    // Cancel two sessions through the restarted instance.
    for (const id of sessions.slice(0, 2)) {
      const p = pairs[sessions.indexOf(id) % pairs.length] as (typeof pairs)[number];
      expect((await call(bb.url, 'PATCH', `/api/sessions/${id}`, { token: p.mentor.token, body: { status: 'cancelled' } })).status).toBe(200);
    }

    // Expected: 2 match_made per pair, 1 session_booked per booking, 1 session_cancelled per cancellation.
    const expected = pairs.length * 2 + sessions.length + 2;
    await waitFor(async () => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM notification`))[0]?.n === expected, 'every notification', 30_000);
    // Every mail, including those B held when it was killed (retried once their job expires): up to ~2 minutes.
    await waitFor(async () => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE mail_status <> 'sent'`))[0]?.n === 0, 'every mail sent', 150_000);
    await pause(3000);

    const perRecipient = await query<{ n: number }>(`SELECT count(*)::int AS n FROM notification GROUP BY recipient_id, kind, link HAVING count(*) > 1`);
    expect(perRecipient).toEqual([]);
    const ids = await query<{ id: string }>(`SELECT id FROM notification`);
    const messageIds = sink().mails.map((m) => m.messageId);
    // None lost: every notification's mail arrived. A mail the server accepted in the instant between its "250"
    // and the killed instance marking it sent is handed over again after the job expires: at most one per SMTP
    // connection of the killed instance (3), and with the same Message-ID, which mail clients collapse into one.
    expect([...new Set(messageIds)].sort()).toEqual(ids.map((r) => `<${r.id}@peer-mentoring>`).sort());
    expect(messageIds.length - new Set(messageIds).size).toBeLessThanOrEqual(3);

    // The mentor's socket on B saw its booking exactly once (B went away afterwards).
    const firstBooking = pushed.filter((n) => n.kind === 'session_booked' && n.link === `/sessions/${sessions[0]}`);
    expect(firstBooking).toHaveLength(1);
  }, 900_000);
});
