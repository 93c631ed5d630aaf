import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import type { ServerShutdownNotice } from '@pm/contracts';
import {
  buildApi,
  call,
  connectChat,
  freePort,
  freshDatabase,
  gradesCsv,
  login,
  newMentorship,
  repoRoot,
  settlesWithin,
  startApi,
  waitFor,
  type Reply,
} from './api-process';

// SIGTERM and Ctrl-C on real processes: the API built from the current sources, and `npm start`'s launcher
// with its embedded PostgreSQL.

const ADMIN = { email: 'shutdown-admin@proc.example', password: 'shutdown-admin-password' };
/** Large enough that the import is still being written when the signal arrives, on a slow machine too. */
const ROWS = 100_000;

async function queryOne<T>(url: string, sql: string, params: unknown[] = []): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows[0] as T;
  } finally {
    await client.end();
  }
}

/** True while the API has the import's transaction open (its INSERTs are the last thing it sent). */
async function importInFlight(url: string): Promise<boolean> {
  const row = await queryOne<{ n: number }>(
    url,
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE application_name = 'peer-mentoring-api' AND state <> 'idle' AND query ILIKE 'INSERT INTO academic_record%'`,
  );
  return row.n > 0;
}

/** Whether a fresh TCP connection to the port is refused (nothing listening). */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolveCheck) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolveCheck(false);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolveCheck(e.code === 'ECONNREFUSED'));
  });
}

describe('graceful shutdown (integration, real processes)', () => {
  let main: string;

  beforeAll(() => {
    main = buildApi();
  }, 180_000);

  it('on SIGTERM finishes an import in flight, tells chat sockets to reconnect, takes no new connection, then exits 0', async () => {
    const database = await freshDatabase('shutdown');
    const api = await startApi(main, { DATABASE_URL: database.url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'info' });
    try {
      const port = Number(new URL(api.url).port);
      const m = await newMentorship(api.url, ADMIN);
      const socket = await connectChat(api.url, m.mentee.token);
      const notices: ServerShutdownNotice[] = [];
      socket.on('server:shutdown', (notice) => notices.push(notice));
      const disconnected = new Promise<string>((r) => socket.once('disconnect', r));

      let answeredAt: number | undefined;
      const importing = call(api.url, 'POST', `/api/programs/${m.programId}/academic-records/import`, { token: m.coordinator.token, csv: gradesCsv(ROWS) }).then((r) => {
        answeredAt = Date.now();
        return r;
      });
      await waitFor(() => importInFlight(database.url), 'the import to be writing', 60_000);
      api.child.kill('SIGTERM');

      // Chat: the notice first, then the connection closes as a lost transport (not a server "disconnect"),
      // which socket.io clients answer by reconnecting, to another instance.
      await waitFor(() => notices.length > 0, 'server:shutdown', 10_000);
      expect(notices).toEqual([{ reconnectAfterMs: expect.any(Number) }]);
      expect(await disconnected).toBe('transport close');

      // No new connection is taken while the import is still being written.
      expect(await connectionRefused(port)).toBe(true);
      const refusedWhileBusy = answeredAt === undefined;

      const reply: Reply = await importing;
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ rows: ROWS, imported: ROWS });
      expect(await api.exited).toEqual({ code: 0, signal: null });
      expect(refusedWhileBusy).toBe(true);

      const stored = await queryOne<{ n: number }>(database.url, 'SELECT count(*)::int AS n FROM academic_record WHERE program_id = $1', [m.programId]);
      expect(stored.n).toBe(ROWS);
      const log = api.lines.join('\n');
      expect(log).toContain('SIGTERM received');
      expect(log).toContain('stopped cleanly');
      expect(api.lines.filter((line) => /"level":(50|60)/.test(line))).toEqual([]);
    } finally {
      await api.stop();
      await database.drop();
    }
  }, 180_000);

  it("npm start's launcher: Ctrl-C lets the API finish its import, then stops the embedded PostgreSQL cleanly", async () => {
    const dataDir = mkdtempSync(join(repoRoot, 'tmp', 'launcher-'));
    const [port, pgPort] = [await freePort(), await freePort()];
    const base = `http://127.0.0.1:${port}`;
    const databaseUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/mentoring`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SKIP_BUILD: 'true',
      PM_API_MAIN: main,
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DEMO_SEED: 'false',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      REDIS_URL: '',
    };
    delete env['DATABASE_URL'];

    /** The launcher in a process group of its own, as a shell runs a foreground job. */
    const launch = async (): Promise<{ pid: number; output: string[]; exited: Promise<number | null> }> => {
      const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      const output: string[] = [];
      for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => output.push(line));
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      await waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error(`the launcher exited:\n${output.join('\n')}`);
          return fetch(`${base}/api/health`).then(
            (r) => r.ok,
            () => false,
          );
        },
        'the launcher to serve',
        120_000,
      );
      return { pid: child.pid as number, output, exited };
    };
    const killGroup = (pid: number, signal: NodeJS.Signals): void => {
      try {
        process.kill(-pid, signal);
      } catch {
        // already gone
      }
    };

    let running: Awaited<ReturnType<typeof launch>> | undefined;
    try {
      running = await launch();
      const m = await newMentorship(base, ADMIN);
      const importing = call(base, 'POST', `/api/programs/${m.programId}/academic-records/import`, { token: m.coordinator.token, csv: gradesCsv(ROWS) });
      await waitFor(() => importInFlight(databaseUrl), 'the import to be writing', 60_000);

      // Ctrl-C in a terminal: SIGINT to the launcher and the API alike. The database, in its own session, is
      // not signalled; the launcher stops it once the API has finished.
      killGroup(running.pid, 'SIGINT');
      const reply = await importing;
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ rows: ROWS });
      expect({ code: await running.exited, output: running.output }).toEqual({ code: 0, output: expect.any(Array) });
      const first = running.output.join('\n');
      expect(first).toContain('PostgreSQL stopped cleanly.');
      expect(first.indexOf('stopped cleanly in')).toBeLessThan(first.indexOf('Stopping the embedded PostgreSQL'));
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
      const logAfterFirst = readFileSync(join(dataDir, 'postgres.log'), 'utf8');
      expect(logAfterFirst.trimEnd().split('\n').at(-1)).toContain('database system is shut down');

      // The next start finds a cleanly shut down cluster (no WAL recovery) and the import's rows.
      running = await launch();
      const restartLog = readFileSync(join(dataDir, 'postgres.log'), 'utf8').slice(logAfterFirst.length);
      expect(restartLog).toContain('database system was shut down at');
      expect(restartLog).not.toContain('not properly shut down');
      await login(base, m.coordinator.email, m.coordinator.password);
      const stored = await queryOne<{ n: number }>(databaseUrl, 'SELECT count(*)::int AS n FROM academic_record WHERE program_id = $1', [m.programId]);
      expect(stored.n).toBe(ROWS);

      // A plain SIGTERM to the launcher alone (a service manager) stops everything the same way.
      process.kill(running.pid, 'SIGTERM');
      expect({ code: await running.exited, output: running.output }).toEqual({ code: 0, output: expect.any(Array) });
      expect(running.output.join('\n')).toContain('PostgreSQL stopped cleanly.');
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
      running = undefined;
    } finally {
      if (running) {
        killGroup(running.pid, 'SIGTERM');
        if (!(await settlesWithin(running.exited, 30_000))) killGroup(running.pid, 'SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
