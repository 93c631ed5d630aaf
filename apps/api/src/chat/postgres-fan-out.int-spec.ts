import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { Server } from 'socket.io';
import { io as connectClient, type Socket } from 'socket.io-client';
import { pause, waitFor } from '@api-test/api-process';
import { startTestApp, type TestApp } from '@api-test/test-app';
import { createPostgresFanOut, type PostgresFanOut } from './postgres-fan-out';

// Two real socket.io servers in this process, each with its own fan-out on the run's database (as two API
// instances would be), and real socket.io clients: nothing is mocked. Each test uses a namespace of its own, so
// that its channel hears no other suite's traffic, and connections named after the test (pg_stat_activity).

interface Instance {
  applicationName: string;
  fanOut: PostgresFanOut;
  io: Server;
  url: string;
  warnings: string[];
}

const unique = (): string => randomBytes(4).toString('hex');

describe('PostgreSQL chat fan-out (integration)', () => {
  let t: TestApp;
  /** For looking at (and killing) connections: outside everything under test. */
  let admin: Client;
  const instances: Instance[] = [];
  const clients: Socket[] = [];

  beforeAll(async () => {
    // The app applies the migrations (socket_io_attachments); it is not part of what is tested here.
    t = await startTestApp({ REDIS_URL: '' });
    admin = new Client({ connectionString: process.env['DATABASE_URL'] });
    await admin.connect();
  }, 60_000);

  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    for (const instance of instances.splice(0)) {
      await instance.io.close();
      await instance.fanOut.dispose();
    }
  });

  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  async function start(nsp: string): Promise<Instance> {
    const warnings: string[] = [];
    const applicationName = `fan-out-spec-${unique()}`;
    const fanOut = createPostgresFanOut({
      connectionString: process.env['DATABASE_URL'] ?? '',
      requestsTimeout: 2_000,
      warn: (message) => warnings.push(message),
      applicationName,
    });
    const http = createServer();
    const io = new Server(http, { adapter: fanOut.adapter, transports: ['websocket'] });
    io.of(nsp);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const instance = { applicationName, fanOut, io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, warnings };
    instances.push(instance);
    return instance;
  }

  async function connect(instance: Instance, nsp: string): Promise<Socket> {
    const socket = connectClient(`${instance.url}${nsp}`, { transports: ['websocket'], forceNew: true, reconnection: false });
    clients.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  /** Broadcasts probes from `from` until `client` (on another instance) hears one: its LISTEN is then active. */
  async function linked(from: Instance, nsp: string, client: Socket, timeoutMs = 10_000): Promise<void> {
    let heard = false;
    const onProbe = (): void => {
      heard = true;
    };
    client.on('probe', onProbe);
    try {
      for (const deadline = Date.now() + timeoutMs; !heard; ) {
        if (Date.now() > deadline) throw new Error(`no broadcast from ${from.url} reached the other instance within ${timeoutMs} ms`);
        from.io.of(nsp).emit('probe');
        await pause(100);
      }
    } finally {
      client.off('probe', onProbe);
    }
  }

  function collect(client: Socket): number[] {
    const seen: number[] = [];
    client.on('n', (i: number) => seen.push(i));
    return seen;
  }

  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  /** Over NOTIFY's 8000-byte limit: published through the attachments table, a slower path (two queries each way). */
  const large = 'x'.repeat(9_000);

  async function listenPids(applicationName: string): Promise<number[]> {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND query ILIKE 'LISTEN%'`,
      [applicationName],
    );
    return rows.map((r) => r.pid);
  }

  async function connectionsOf(applicationName: string): Promise<number> {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name IN ($1, $1 || ':publish')`,
      [applicationName],
    );
    return rows[0]?.n ?? 0;
  }

  it('delivers rapid broadcasts from one instance to a client of the other in broadcast order, long ones included', async () => {
    const nsp = `/fan-out-${unique()}`;
    const [a, b] = [await start(nsp), await start(nsp)];
    const onB = await connect(b, nsp);
    await linked(a, nsp, onB);
    const seen = collect(onB);
    // Every tenth goes through the attachments table: unchained publishes, or notifications handed to the
    // adapter without waiting for the one before, let the short ones after it overtake it.
    for (const i of range(200)) a.io.of(nsp).emit('n', i, i % 10 === 0 ? large : '');
    await waitFor(() => seen.length >= 200, 'the 200 broadcasts on the other instance', 20_000);
    expect(seen).toEqual(range(200));
    expect([...a.warnings, ...b.warnings]).toEqual([]);
  });

  it("serves its own clients at once, in order, while the publish to the other instances is held up", async () => {
    const nsp = `/fan-out-${unique()}`;
    const [a, b] = [await start(nsp), await start(nsp)];
    const [onA, onB] = [await connect(a, nsp), await connect(b, nsp)];
    await linked(a, nsp, onB);
    const [local, remote] = [collect(onA), collect(onB)];
    // Holding the attachments table holds up the first (long) publish, and every publish after it waits for it.
    const blocker = new Client({ connectionString: process.env['DATABASE_URL'] });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE socket_io_attachments IN ACCESS EXCLUSIVE MODE');
      for (const i of range(200)) a.io.of(nsp).emit('n', i, i === 0 ? large : '');
      // Delivered locally without a database round trip: all of them while not one has been published.
      await waitFor(() => local.length >= 200, "the 200 broadcasts on the broadcasting instance's own client", 5_000);
      expect(local).toEqual(range(200));
      await pause(200);
      expect(remote).toEqual([]);
      await blocker.query('COMMIT');
      await waitFor(() => remote.length >= 200, 'the 200 broadcasts on the other instance once the table was free', 20_000);
      expect(remote).toEqual(range(200));
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      await blocker.end();
    }
  });

  it('closes at once, leaving no connection behind, when closed while its LISTEN connection is still being opened', async () => {
    // The windows differ by timing: connecting the socket, authenticating, LISTEN in flight.
    for (const delayMs of [0, 1, 2, 5, 10, 20, 50]) {
      const applicationName = `fan-out-spec-${unique()}`;
      const warnings: string[] = [];
      const fanOut = createPostgresFanOut({ connectionString: process.env['DATABASE_URL'] ?? '', requestsTimeout: 2_000, warn: (m) => warnings.push(m), applicationName });
      const http = createServer();
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      // Its adapters (namespaces / and the test's) start opening the LISTEN connection right away.
      const io = new Server(http, { adapter: fanOut.adapter });
      io.of(`/fan-out-${unique()}`);
      await pause(delayMs);
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`still closing after 5 s (closed after ${delayMs} ms)`), 5_000)));
      try {
        const closed = (async () => {
          await io.close();
          await fanOut.dispose();
          return 'closed';
        })();
        await expect(Promise.race([closed, hung])).resolves.toBe('closed');
      } finally {
        clearTimeout(timer);
      }
      // The server forgets a closed connection a moment after the client has gone.
      for (const deadline = Date.now() + 3_000; (await connectionsOf(applicationName)) > 0 && Date.now() < deadline; ) await pause(20);
      expect({ delayMs, connections: await connectionsOf(applicationName) }).toEqual({ delayMs, connections: 0 });
      expect(warnings).toEqual([]);
    }
  });

  it('reconnects its LISTEN connection after the server killed it, and delivery between instances resumes', async () => {
    const nsp = `/fan-out-${unique()}`;
    const [a, b] = [await start(nsp), await start(nsp)];
    const onB = await connect(b, nsp);
    await linked(a, nsp, onB);
    const [killed] = await listenPids(b.applicationName);
    expect(killed).toBeDefined();
    const { rows } = await admin.query<{ done: boolean }>('SELECT pg_terminate_backend($1) AS done', [killed]);
    expect(rows[0]?.done).toBe(true);
    await waitFor(() => b.warnings.some((w) => w.startsWith('chat adapter connection lost')), "the lost connection's warning");
    // 1 to 3 s later, a new connection LISTENs again.
    await linked(a, nsp, onB, 10_000);
    const [reopened] = await listenPids(b.applicationName);
    expect(reopened).toBeDefined();
    expect(reopened).not.toBe(killed);
    const seen = collect(onB);
    for (const i of range(50)) a.io.of(nsp).emit('n', i, i % 10 === 0 ? large : '');
    await waitFor(() => seen.length >= 50, 'the 50 broadcasts after the reconnection', 20_000);
    expect(seen).toEqual(range(50));
  });
});
