import type { AddressInfo } from 'node:net';
import type { Socket } from 'socket.io-client';
import { EnrollmentRole, type Ack, type ConversationSummary } from '@pm/contracts';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { connectChat } from '@api-test/api-process';
import { startTestApp, type TestApp } from '@api-test/test-app';

type AnyAck = Ack<Record<string, unknown>>;

describe('chat fan-out adapter (integration)', () => {
  it('lets the app close right after it started, while its LISTEN connection is still being opened', async () => {
    const t = await startTestApp();
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still closing after 10 s'), 10_000)));
    try {
      // Before the fix, pool.end() waited forever for the connection the adapter opened after being closed.
      await expect(Promise.race([t.close().then(() => 'closed'), hung])).resolves.toBe('closed');
    } finally {
      clearTimeout(timer);
    }
  });
});

// ChatIoAdapter binds the gateway's handlers on each socket itself (no rxjs per event): a client's arguments
// must read exactly as with Nest's own IoAdapter.
describe('chat event binding (integration)', () => {
  let t: TestApp;
  let baseUrl: string;
  const sockets: Socket[] = [];
  let mentor: TestUser;
  let mentee: TestUser;
  let conversationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator);
    mentor = await newMentor(t);
    mentee = await newMentee(t);
    await enrol(t, program.id, mentor, EnrollmentRole.Mentor);
    await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
    await t.http().post(`/api/programs/${program.id}/mentorships`).set(coordinator.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id }).expect(201);
    conversationId = ((await t.http().get('/api/conversations').set(mentee.auth).expect(200)).body as ConversationSummary[])[0]?.id ?? '';
  });
  afterAll(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await t.close();
  });

  async function connect(user: TestUser): Promise<Socket> {
    // Untyped: these tests send what the typed client would not let them.
    const socket = (await connectChat(baseUrl, user.token)) as unknown as Socket;
    sockets.push(socket);
    return socket;
  }

  /** Emits the arguments as given, the last one an ack; resolves with what the ack received. */
  const emitWith = (socket: Socket, event: string, ...args: unknown[]): Promise<AnyAck> =>
    new Promise((resolve) => socket.emit(event, ...args, (answer: AnyAck) => resolve(answer)));

  it('one payload and an ack: handled, answered through the ack', async () => {
    const socket = await connect(mentor);
    const ack = await emitWith(socket, 'message:send', { conversationId, body: 'hello', clientMessageId: 'bind-1' });
    expect(ack).toMatchObject({ ok: true, message: { body: 'hello', conversationId } });
  });

  it('only an ack: an undefined payload, refused with an error ack', async () => {
    const socket = await connect(mentor);
    expect(await emitWith(socket, 'message:send')).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
  });

  it('several arguments: one array payload, refused with an error ack, nothing stored', async () => {
    const socket = await connect(mentor);
    const ack = await emitWith(socket, 'message:send', { conversationId, body: 'a', clientMessageId: 'bind-2' }, { extra: true });
    expect(ack).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    const rows: unknown[] = await t.dataSource.query(`SELECT 1 FROM chat_message WHERE client_message_id = 'bind-2'`);
    expect(rows).toEqual([]);
  });

  it('no ack: still handled, the answer goes nowhere', async () => {
    const [typist, reader] = await Promise.all([connect(mentor), connect(mentee)]);
    const seen = new Promise((resolve) => reader.once('typing:update', resolve));
    typist.emit('typing:set', { conversationId, typing: true });
    await expect(seen).resolves.toMatchObject({ conversationId, userId: mentor.user.id, typing: true });
  });
});
