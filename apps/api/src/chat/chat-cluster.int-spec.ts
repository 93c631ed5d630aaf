import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { EnrollmentRole, type ChatClientToServerEvents, type ChatMessage, type ChatServerToClientEvents, type ConversationSummary, type TypingUpdate } from '@pm/contracts';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

type Client = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

// Several real API processes on the run's database, built from the current sources into a private folder (so
// a concurrent `nx build` or migration run cannot pull the files from under them): fan-out between instances
// through PostgreSQL (and Redis when REDIS_URL is set), and a process killed with SIGKILL mid-stream.
const root = resolve(__dirname, '..', '..', '..', '..');
const buildDir = join(root, 'tmp', `chat-int-${process.pid}`);
const redisUrl = process.env['REDIS_URL'];

interface Instance {
  url: string;
  child: ChildProcess;
  stderr: string[];
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(10);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

describe('chat across API processes (integration)', () => {
  let t: TestApp;
  const instances: Instance[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    // The in-process app applies migrations and empties the tables; the processes then share its database.
    // The in-process app stays out of the Redis cluster: inside Jest's sandbox its Redis adapter was seen to
    // subscribe without ever answering cluster requests (separate processes do answer), which made every
    // cross-instance presence query wait for it and time out. The processes under test are the children.
    t = await startTestApp({ REDIS_URL: '' });
    rmSync(buildDir, { recursive: true, force: true });
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'apps/api/tsconfig.app.json', '--outDir', buildDir], { cwd: root, stdio: 'inherit' });
  }, 180_000);

  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await Promise.all(instances.splice(0).map(stop));
  });

  afterAll(async () => {
    await t.close();
    rmSync(buildDir, { recursive: true, force: true });
  });

  async function start(port: number, adapter: 'postgres' | 'redis'): Promise<Instance> {
    const stderr: string[] = [];
    const child = spawn(process.execPath, [join(buildDir, 'apps/api/src/main.js')], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        DEMO_SEED: 'false',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'test',
        CHAT_RATE_LIMIT_PER_SECOND: '100000',
        CHAT_RATE_LIMIT_BURST: '100000',
        // Empty means unset (see loadConfig): without REDIS_URL the PostgreSQL adapter is used.
        REDIS_URL: adapter === 'redis' ? (redisUrl ?? '') : '',
        // The app as it ships serves the dashboard; the build here has none next to it, so the fixture stands in.
        WEB_DIST: join(root, 'apps/api/test/fixtures/web-dist'),
      },
    });
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const instance = { url: `http://127.0.0.1:${port}`, child, stderr };
    instances.push(instance);
    for (const deadline = Date.now() + 60_000; ; ) {
      if (child.exitCode !== null) throw new Error(`the API exited during start-up:\n${stderr.join('')}`);
      try {
        if ((await fetch(`${instance.url}/api/health`)).ok) return instance;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the API did not start within 60 s:\n${stderr.join('')}`);
      await pause(100);
    }
  }

  async function stop(instance: Instance): Promise<void> {
    if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
    const exited = new Promise((r) => instance.child.once('exit', r));
    instance.child.kill('SIGTERM');
    await Promise.race([exited, pause(10_000)]);
    if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGKILL');
  }

  function connect(instance: Instance, user: TestUser, reconnection = false): Promise<Client> {
    const socket: Client = io(`${instance.url}/chat`, {
      auth: { token: user.token },
      transports: ['websocket'],
      forceNew: true,
      reconnection,
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
    });
    clients.push(socket);
    return new Promise((resolveSocket, reject) => {
      socket.once('connect', () => resolveSocket(socket));
      socket.once('connect_error', reject);
    });
  }

  async function newPair(): Promise<{ mentor: TestUser; mentee: TestUser; conversationId: string }> {
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

  async function send(socket: Client, conversationId: string, body: string): Promise<ChatMessage> {
    const ack = await socket.timeout(5000).emitWithAck('message:send', { conversationId, body, clientMessageId: randomUUID() });
    if (!ack.ok) throw new Error(ack.error);
    return ack.message;
  }

  function collect(socket: Client): ChatMessage[] {
    const seen: ChatMessage[] = [];
    socket.on('message:new', (m) => seen.push(m));
    return seen;
  }

  async function crossTraffic(adapter: 'postgres' | 'redis'): Promise<void> {
    const [one, two] = await Promise.all([start(await freePort(), adapter), start(await freePort(), adapter)]);
    const { mentor, mentee, conversationId } = await newPair();
    const a = await connect(one as Instance, mentor);
    const b = await connect(two as Instance, mentee);
    const seenA = collect(a);
    const seenB = collect(b);

    // Ping-pong: each message must cross to the other process before the answer goes back.
    for (let i = 0; i < 10; i++) {
      const ping = await send(a, conversationId, `ping ${i}`);
      await waitFor(() => seenB.some((m) => m.id === ping.id), `ping ${i} on the other instance`);
      const pong = await send(b, conversationId, `pong ${i}`);
      await waitFor(() => seenA.some((m) => m.id === pong.id), `pong ${i} on the other instance`);
    }

    // Then both at once.
    const burst = async (s: Client, who: string): Promise<ChatMessage[]> => {
      const acked: ChatMessage[] = [];
      for (let i = 0; i < 50; i++) acked.push(await send(s, conversationId, `${who} ${i}`));
      return acked;
    };
    const [fromA, fromB] = await Promise.all([burst(a, 'a'), burst(b, 'b')]);
    await waitFor(() => seenA.length >= 120 && seenB.length >= 120, 'every message on both instances');
    await pause(200);
    for (const seen of [seenA, seenB]) {
      expect(seen).toHaveLength(120);
      expect(new Set(seen.map((m) => m.id)).size).toBe(120);
      // Ordered by seq (what clients sort on), the stream is exactly 1..120; each sender's messages arrive in order.
      expect([...seen].sort((x, y) => x.seq - y.seq).map((m) => m.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
      expect(seen.filter((m) => m.body.startsWith('a ')).map((m) => m.id)).toEqual(fromA.map((m) => m.id));
      expect(seen.filter((m) => m.body.startsWith('b ')).map((m) => m.id)).toEqual(fromB.map((m) => m.id));
    }

    // Typing and presence cross too.
    const typing: TypingUpdate[] = [];
    b.on('typing:update', (u) => typing.push(u));
    await a.timeout(5000).emitWithAck('typing:set', { conversationId, typing: true });
    await waitFor(() => typing.length === 1, 'the typing indicator on the other instance');
    const presence = await a.timeout(5000).emitWithAck('presence:query', { conversationId });
    expect(presence.ok && [...presence.online].sort()).toEqual([mentee.user.id, mentor.user.id].sort());
  }

  it('carries messages both ways between two processes through PostgreSQL', () => crossTraffic('postgres'), 120_000);

  (redisUrl ? it : it.skip)('carries messages both ways between two processes through Redis (REDIS_URL)', () => crossTraffic('redis'), 120_000);

  it('loses and duplicates nothing acknowledged when the process is killed mid-stream and clients resend and rejoin', async () => {
    const port = await freePort();
    let instance = await start(port, 'postgres');
    const { mentor, mentee, conversationId } = await newPair();
    const PER_CLIENT = 150;
    const deadline = Date.now() + 90_000;

    /** A client as a real one would be written: resend until acknowledged, rejoin from its last contiguous message. */
    async function participant(user: TestUser, label: string) {
      const socket = await connect(instance, user, true);
      const live: ChatMessage[] = [];
      const known = new Map<string, ChatMessage>();
      let resumeAfter: string | undefined;
      let retries = 0;
      const lastContiguous = (): string | undefined => {
        const bySeq = new Map([...known.values()].map((m) => [m.seq, m]));
        let seq = 0;
        while (bySeq.has(seq + 1)) seq++;
        return bySeq.get(seq)?.id;
      };
      const rejoin = async (): Promise<void> => {
        for (let more = true; more && Date.now() < deadline; ) {
          const ack = await socket.timeout(5000).emitWithAck('conversation:join', { conversationId, afterMessageId: lastContiguous() });
          if (!ack.ok) throw new Error(ack.error);
          for (const m of ack.missed) known.set(m.id, m);
          more = ack.hasMore;
        }
      };
      socket.on('message:new', (m) => {
        live.push(m);
        known.set(m.id, m);
      });
      socket.on('disconnect', () => {
        resumeAfter = lastContiguous();
      });
      socket.on('connect', () => {
        if (resumeAfter !== undefined) void rejoin().catch(() => undefined);
      });

      const acked: ChatMessage[] = [];
      const sendAll = async (): Promise<ChatMessage[]> => {
        for (let i = 0; i < PER_CLIENT; i++) {
          const payload = { conversationId, body: `${label} ${i}`, clientMessageId: `${label}-${i}` };
          for (;;) {
            if (Date.now() > deadline) throw new Error(`${label} ${i} never acknowledged`);
            if (!socket.connected) {
              await pause(20);
              continue;
            }
            try {
              const ack = await socket.timeout(2000).emitWithAck('message:send', payload);
              if (ack.ok) {
                acked.push(ack.message);
                break;
              }
              if (ack.code !== 'SHUTTING_DOWN' && ack.code !== 'INTERNAL') throw new Error(`refused: ${ack.error}`);
            } catch (e) {
              if (e instanceof Error && e.message.startsWith('refused')) throw e;
            }
            retries++;
            await pause(20);
          }
        }
        return acked;
      };
      return { socket, live, known, acked, sendAll, rejoin, retries: () => retries };
    }

    const a = await participant(mentor, 'a');
    const b = await participant(mentee, 'b');
    const streams = Promise.all([a.sendAll(), b.sendAll()]);

    await waitFor(() => a.acked.length >= 40, 'the first 40 acknowledgements', 30_000);
    const exited = new Promise((r) => instance.child.once('exit', r));
    instance.child.kill('SIGKILL');
    await exited;
    const ackedBeforeCrash = a.acked.length + b.acked.length;
    await pause(500);
    instance = await start(port, 'postgres');

    const [ackedA, ackedB] = await streams;
    await Promise.all([a.rejoin(), b.rejoin()]);

    // Stored exactly once each: every clientMessageId one row, seqs 1..300 without a gap or a repeat.
    const rows: Array<{ id: string; seq: string; client_message_id: string }> = await t.dataSource.query(
      'SELECT id, seq::text AS seq, client_message_id FROM chat_message m WHERE conversation_id = $1 ORDER BY m.seq',
      [conversationId],
    );
    expect(rows).toHaveLength(2 * PER_CLIENT);
    expect(new Set(rows.map((r) => r.client_message_id)).size).toBe(2 * PER_CLIENT);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 2 * PER_CLIENT }, (_, i) => i + 1));

    // Nothing acknowledged is lost: every ack names a stored row, before and after the crash.
    const storedIds = new Set(rows.map((r) => r.id));
    for (const m of [...ackedA, ...ackedB]) expect(storedIds.has(m.id)).toBe(true);
    expect(ackedBeforeCrash).toBeGreaterThanOrEqual(40);

    // Delivered: live plus catch-up gives each client every stored message; the live stream repeats none.
    for (const p of [a, b]) {
      expect(new Set(p.known.keys())).toEqual(storedIds);
      expect(new Set(p.live.map((m) => m.id)).size).toBe(p.live.length);
    }
    process.stdout.write(`crash test: ${ackedBeforeCrash} acked before SIGKILL, ${a.retries() + b.retries()} resends\n`);
  }, 150_000);
});
