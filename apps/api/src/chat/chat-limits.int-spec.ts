import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { EnrollmentRole, type Ack, type ChatClientToServerEvents, type ChatServerToClientEvents, type ConversationSummary } from '@pm/contracts';
import { AppConfig } from '@api/config/app-config';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

type Client = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;
type AnyAck = Ack<Record<string, unknown>>;

// The per-socket rate limit with its default settings: a flood gets error acks, nothing beyond the limit is
// stored, the server keeps serving everyone, and the flooder is served again once it slows down.
describe('chat limits (integration)', () => {
  let t: TestApp;
  let baseUrl: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.disconnect();
  });
  afterAll(async () => t.close());

  function connect(user: TestUser): Promise<Client> {
    const socket: Client = io(`${baseUrl}/chat`, { auth: { token: user.token }, transports: ['websocket'], forceNew: true, reconnection: false });
    clients.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  function emit(socket: Client, event: string, payload: unknown): Promise<AnyAck> {
    const raw = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<AnyAck> } };
    return raw.timeout(10_000).emitWithAck(event, payload);
  }

  async function pair(): Promise<{ mentor: TestUser; mentee: TestUser; conversationId: string }> {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator);
    const mentor = await newMentor(t);
    const mentee = await newMentee(t);
    await enrol(t, program.id, mentor, EnrollmentRole.Mentor);
    await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
    await t.http().post(`/api/programs/${program.id}/mentorships`).set(coordinator.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id }).expect(201);
    const list = (await t.http().get('/api/conversations').set(mentee.auth).expect(200)).body as ConversationSummary[];
    return { mentor, mentee, conversationId: (list[0] as ConversationSummary).id };
  }

  const stored = async (conversationId: string): Promise<number> =>
    ((await t.dataSource.query('SELECT count(*)::int AS n FROM chat_message WHERE conversation_id = $1', [conversationId])) as Array<{ n: number }>)[0]?.n ?? -1;

  it('answers a flood of sends past the burst with RATE_LIMITED acks and stores only what it acknowledged', async () => {
    const config = t.app.get(AppConfig);
    const { mentor, mentee, conversationId } = await pair();
    const flooder = await connect(mentor);
    const bystander = await connect(mentee);
    const acks = await Promise.all(Array.from({ length: 300 }, (_, i) => emit(flooder, 'message:send', { conversationId, body: `spam ${i}`, clientMessageId: `spam-${i}` })));
    const ok = acks.filter((a) => a.ok);
    const limited = acks.filter((a) => !a.ok);
    expect(ok.length).toBeGreaterThanOrEqual(config.CHAT_RATE_LIMIT_BURST);
    expect(ok.length).toBeLessThan(config.CHAT_RATE_LIMIT_BURST + 30);
    for (const a of limited) expect(a).toMatchObject({ ok: false, code: 'RATE_LIMITED', error: expect.any(String), retryAfterMs: expect.any(Number) });
    expect(await stored(conversationId)).toBe(ok.length);

    // Everyone else is unaffected, and the flooder is served again after waiting as told.
    expect(await emit(bystander, 'message:send', { conversationId, body: 'hello', clientMessageId: randomUUID() })).toMatchObject({ ok: true });
    const wait = Math.max(...limited.map((a) => (a.ok ? 0 : (a.retryAfterMs ?? 0))));
    await new Promise((r) => setTimeout(r, Math.min(wait, 1000) + 50));
    expect(await emit(flooder, 'message:send', { conversationId, body: 'calmer now', clientMessageId: randomUUID() })).toMatchObject({ ok: true });
  });

  it('survives a flood of garbage and of events without acks, then serves the socket normally', async () => {
    const { mentor, conversationId } = await pair();
    const socket = await connect(mentor);
    const raw = socket as unknown as { emit(event: string, ...args: unknown[]): void };
    for (let i = 0; i < 2000; i++) raw.emit('message:send', i % 2 === 0 ? { conversationId, body: 42 } : 'garbage');
    for (let i = 0; i < 500; i++) raw.emit('typing:set', { conversationId, typing: true });
    const acks = await Promise.all(Array.from({ length: 100 }, () => emit(socket, 'conversation:join', { nope: true })));
    expect(acks.every((a) => !a.ok && (a.code === 'RATE_LIMITED' || a.code === 'INVALID_PAYLOAD'))).toBe(true);
    await new Promise((r) => setTimeout(r, 1100));
    expect(socket.connected).toBe(true);
    expect(await emit(socket, 'conversation:join', { conversationId })).toMatchObject({ ok: true });
    expect(await stored(conversationId)).toBe(0);
    await t.http().get('/api/health').expect(200);
  });
});
