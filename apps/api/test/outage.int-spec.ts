import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Ack, ChatMessage } from '@pm/contracts';
import {
  buildApi,
  call,
  connectChat,
  newMentorship,
  pause,
  repoRoot,
  startApi,
  startControlledDatabase,
  waitFor,
  type ApiProcess,
  type ChatClient,
  type ControlledDatabase,
  type Mentorship,
} from './api-process';

// The database goes away under a running API, then comes back: a PostgreSQL of this suite's own (embedded,
// on a free port) stopped as if it crashed (`immediate`: no shutdown checkpoint, the restart replays the
// WAL), and the real API process pointed at it. Writers keep going throughout, as clients would.

const ADMIN = { email: 'outage-admin@proc.example', password: 'outage-admin-password' };
const MINUTE = 60_000;

interface Timed<T> {
  ms: number;
  value: T;
}

async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const startedAt = Date.now();
  const value = await work();
  return { ms: Date.now() - startedAt, value };
}

describe('database outage (integration, real processes)', () => {
  let dataDir: string;
  let db: ControlledDatabase;
  let api: ApiProcess;
  const sockets: ChatClient[] = [];

  beforeAll(async () => {
    const main = buildApi();
    dataDir = mkdtempSync(join(repoRoot, 'tmp', 'outage-db-'));
    db = await startControlledDatabase(dataDir, 'outage');
    api = await startApi(main, { DATABASE_URL: db.url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  }, 180_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await api?.stop();
    await db?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers 503 within a second or two while the database is down, keeps sockets, recovers by itself and loses no acknowledged write', async () => {
    const m: Mentorship = await newMentorship(api.url, ADMIN);
    const mentor = await connectChat(api.url, m.mentor.token);
    const mentee = await connectChat(api.url, m.mentee.token);
    sockets.push(mentor, mentee);
    const disconnects: string[] = [];
    for (const s of [mentor, mentee]) s.on('disconnect', (reason) => disconnects.push(reason));
    const seenByMentee: ChatMessage[] = [];
    mentee.on('message:new', (msg) => seenByMentee.push(msg));

    // Two writers, as clients would write: a chat sender that resends a refused message with the same
    // clientMessageId, and a booker that retries a refused slot. Everything acknowledged is recorded.
    let writing = true;
    const acked: ChatMessage[] = [];
    const chatRefusals: string[] = [];
    const booked: string[] = [];
    const statuses: number[] = [];
    const chatWriter = (async () => {
      for (let i = 0; writing; ) {
        let ack: Ack<{ message: ChatMessage }>;
        try {
          ack = await mentor.timeout(10_000).emitWithAck('message:send', { conversationId: m.conversationId, body: `message ${i}`, clientMessageId: `outage-${i}` });
        } catch {
          chatRefusals.push('NO_ACK');
          continue;
        }
        if (ack.ok) {
          acked.push(ack.message);
          i++;
        } else {
          chatRefusals.push(ack.code ?? 'NONE');
        }
        await pause(20);
      }
    })();
    const bookingWriter = (async () => {
      const firstSlot = Date.now() + 2 * 24 * 60 * MINUTE;
      for (let i = 0; writing; ) {
        const startsAt = new Date(firstSlot + i * 60 * MINUTE);
        const reply = await call(api.url, 'POST', '/api/sessions', {
          token: m.mentee.token,
          body: { mentorshipId: m.mentorshipId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 30 * MINUTE).toISOString(), modality: 'virtual' },
        });
        statuses.push(reply.status);
        if (reply.status === 201) booked.push((reply.body as { id: string }).id);
        // 503: try the slot again. 409: an earlier try was stored after all (its answer was lost): next slot.
        if (reply.status !== 503) i++;
        await pause(20);
      }
    })();

    await waitFor(() => acked.length >= 20 && booked.length >= 10, 'writes before the outage', 30_000);
    const ackedBefore = acked.length;
    const bookedBefore = booked.length;

    // ---- the database goes away ----------------------------------------------------------------------
    await db.stop('immediate');
    const stoppedAt = Date.now();
    let health = await call(api.url, 'GET', '/api/health');
    while (health.status !== 503) {
      expect(Date.now() - stoppedAt).toBeLessThan(5_000);
      await pause(20);
      health = await call(api.url, 'GET', '/api/health');
    }
    const detectedMs = Date.now() - stoppedAt;
    expect(health.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', message: expect.any(String), status: 'unavailable', database: 'down' });

    // Every kind of request answers 503 in the error shape, quickly, not a 500 and not a hang.
    const probes = await Promise.all([
      timed(() => call(api.url, 'GET', '/api/me', { token: m.mentee.token })),
      timed(() => call(api.url, 'GET', '/api/me/sessions', { token: m.mentor.token })),
      timed(() => call(api.url, 'POST', '/api/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } })),
      timed(() => call(api.url, 'POST', '/api/auth/refresh', { body: { refreshToken: m.mentee.refreshToken } })),
      timed(() => call(api.url, 'GET', `/api/conversations/${m.conversationId}/messages`, { token: m.mentee.token })),
    ]);
    for (const probe of probes) {
      expect(probe.value.status).toBe(503);
      expect(probe.value.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.any(String), code: 'DATABASE_UNAVAILABLE' });
      expect(probe.value.headers.get('retry-after')).toBe('5');
      expect(probe.ms).toBeLessThan(2_500);
    }

    // Chat: an error ack, not a dropped socket; a new connection is refused with the same code.
    const during = await timed(() => mentee.timeout(10_000).emitWithAck('message:send', { conversationId: m.conversationId, body: 'during the outage', clientMessageId: 'outage-probe' }));
    expect(during.value).toEqual({ ok: false, error: expect.any(String), code: 'UNAVAILABLE', retryAfterMs: expect.any(Number) });
    expect(during.ms).toBeLessThan(2_500);
    await expect(connectChat(api.url, m.mentee.token)).rejects.toMatchObject({ data: { code: 'UNAVAILABLE' } });
    await pause(1_500);
    expect(mentor.connected && mentee.connected).toBe(true);

    // ---- it comes back ---------------------------------------------------------------------------------
    await db.start();
    const restartedAt = Date.now();
    await waitFor(async () => (await call(api.url, 'GET', '/api/health')).status === 200, 'health to recover', 30_000);
    const recoveredMs = Date.now() - restartedAt;
    await call(api.url, 'GET', '/api/me', { token: m.mentee.token }).then((r) => expect(r.status).toBe(200));

    // The writers carry on by themselves; live delivery between the sockets works again too.
    await waitFor(() => acked.length >= ackedBefore + 20 && booked.length >= bookedBefore + 10, 'writes after the outage', 60_000);
    writing = false;
    await Promise.all([chatWriter, bookingWriter]);
    await waitFor(() => seenByMentee.some((msg) => msg.id === acked[acked.length - 1]?.id), 'live delivery after the outage', 15_000);
    expect(disconnects).toEqual([]);

    // Nothing acknowledged is lost: every acked message and every 201 booking is in the database, once.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const messages: Array<{ id: string; client_message_id: string }> = (
        await pg.query('SELECT id, client_message_id FROM chat_message WHERE conversation_id = $1', [m.conversationId])
      ).rows;
      const storedMessageIds = new Set(messages.map((r) => r.id));
      expect(acked.filter((msg) => !storedMessageIds.has(msg.id))).toEqual([]);
      expect(new Set(messages.map((r) => r.client_message_id)).size).toBe(messages.length);
      const sessions: Array<{ id: string }> = (await pg.query('SELECT id FROM mentoring_session WHERE mentorship_id = $1', [m.mentorshipId])).rows;
      const storedSessionIds = new Set(sessions.map((r) => r.id));
      expect(booked.filter((id) => !storedSessionIds.has(id))).toEqual([]);
    } finally {
      await pg.end();
    }

    // Refusals were all "unavailable", never a 500 or an internal error.
    expect(statuses.filter((s) => s !== 201 && s !== 503 && s !== 409)).toEqual([]);
    expect(chatRefusals.filter((code) => code !== 'UNAVAILABLE')).toEqual([]);
    expect(api.lines.filter((line) => /"level":50|Internal server error/.test(line))).toEqual([]);
    process.stdout.write(
      `outage: 503 ${detectedMs} ms after the database stopped; healthy ${recoveredMs} ms after it was back; ` +
        `${acked.length} messages and ${booked.length} bookings acknowledged (${ackedBefore} and ${bookedBefore} before the stop), ` +
        `${statuses.filter((s) => s === 503).length} requests and ${chatRefusals.length} chat sends refused meanwhile\n`,
    );
    expect(detectedMs).toBeLessThan(2_000);
    expect(recoveredMs).toBeLessThan(5_000);
  }, 180_000);
});
