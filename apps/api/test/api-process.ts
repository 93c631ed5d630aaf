import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import type { AuthResponse, ChatClientToServerEvents, ChatServerToClientEvents, ConversationSummary } from '@pm/contracts';

// Process-level tests: the API built from the current sources and run as a real process (signals, stdout,
// a database that goes away), as chat-cluster.int-spec.ts does. One build per Jest run, shared by the suites
// that run in band in this process, in a private folder a concurrent `nx build` cannot pull away; the
// global teardown removes it.

export const repoRoot = resolve(__dirname, '..', '..', '..');
export type ChatClient = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits for `promise` at most `ms`; true when it settled in time. Leaves no timer behind. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((r) => (timer = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition()); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(20);
  }
}

export function freePort(): Promise<number> {
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

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Compiles the API once per test process; returns the path of its main.js. */
export function buildApi(): string {
  const tmp = join(repoRoot, 'tmp');
  const dir = join(tmp, `api-build-${process.pid}`);
  const main = join(dir, 'apps/api/src/main.js');
  if (existsSync(join(dir, '.complete'))) return main;
  // Builds left by runs that were killed before their teardown.
  for (const name of existsSync(tmp) ? readdirSync(tmp) : []) {
    const pid = /^api-build-(\d+)$/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isAlive(Number(pid))) rmSync(join(tmp, name), { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'apps/api/tsconfig.app.json', '--outDir', dir], { cwd: repoRoot, stdio: 'inherit' });
  writeFileSync(join(dir, '.complete'), '');
  return main;
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, stdout and stderr, line by line. */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
}

/** Environment every spawned API gets unless a test overrides it. */
const BASE_ENV = {
  DEMO_SEED: 'false',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'test',
  AUTH_RATE_LIMIT_PER_MINUTE: '100000',
  CHAT_RATE_LIMIT_PER_SECOND: '100000',
  CHAT_RATE_LIMIT_BURST: '100000',
  // Empty means unset (see loadConfig): the PostgreSQL adapter carries the chat between instances.
  REDIS_URL: '',
  // The build in tmp/ has no dashboard next to it: serve the fixture, so the process is the app that ships.
  WEB_DIST: join(repoRoot, 'apps/api/test/fixtures/web-dist'),
};

export async function startApi(main: string, env: Record<string, string>, options: { startupTimeoutMs?: number } = {}): Promise<ApiProcess> {
  const port = env['PORT'] ?? String(await freePort());
  const child = spawn(process.execPath, [main], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...BASE_ENV, ...env, PORT: port } });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) if (stream) createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (graceMs = 15_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await settlesWithin(exited, graceMs))) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  for (const deadline = Date.now() + (options.startupTimeoutMs ?? 60_000); ; ) {
    if (child.exitCode !== null) throw new Error(`the API exited during start-up:\n${lines.join('\n')}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop(1_000);
      throw new Error(`the API did not start in time:\n${lines.join('\n')}`);
    }
    await pause(100);
  }
  return { url, child, lines, exited, stop };
}

// Bodies are whatever the API answered, read the way supertest's `res.body` is in the other suites.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** One HTTP call; JSON in and out unless `csv` is given. Never throws for a status, only for no answer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function call<T = any>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; csv?: string; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.csv !== undefined) {
    headers['Content-Type'] = 'text/csv';
    body = options.csv;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(`${base}${path}`, { method, headers, body, signal: options.signal });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

export interface Account {
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

const toAccount = (password: string, auth: AuthResponse): Account => ({ id: auth.user.id, email: auth.user.email, password, token: auth.accessToken, refreshToken: auth.refreshToken });

async function expectStatus<T>(reply: Promise<Reply<T>>, status: number, what: string): Promise<T> {
  const r = await reply;
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function register(base: string, yearOfStudy: number, password = `pw-${randomUUID()}`): Promise<Account> {
  const email = `s-${randomUUID()}@proc.example`;
  const auth = await expectStatus<AuthResponse>(call(base, 'POST', '/api/auth/register', { body: { email, password, fullName: `Student ${yearOfStudy}`, yearOfStudy } }), 201, 'register');
  await expectStatus(
    call(base, 'PUT', '/api/me/profile', {
      token: auth.accessToken,
      body: { yearOfStudy, interests: [], languages: ['English'], modalities: ['in_person', 'virtual'], campus: null },
    }),
    200,
    'profile',
  );
  return toAccount(password, auth);
}

export async function login(base: string, email: string, password: string): Promise<Account> {
  return toAccount(password, await expectStatus<AuthResponse>(call(base, 'POST', '/api/auth/login', { body: { email, password } }), 200, 'login'));
}

export interface Mentorship {
  admin: Account;
  coordinator: Account;
  mentor: Account;
  mentee: Account;
  programId: string;
  mentorshipId: string;
  conversationId: string;
}

/** Everything through the API, as people would: an admin's coordinator, a program, a mentor and a mentee matched. */
export async function newMentorship(base: string, adminCredentials: { email: string; password: string }): Promise<Mentorship> {
  const admin = await login(base, adminCredentials.email, adminCredentials.password);
  const coordinatorPassword = `pw-${randomUUID()}`;
  const coordinatorEmail = `c-${randomUUID()}@proc.example`;
  await expectStatus(
    call(base, 'POST', '/api/users', { token: admin.token, body: { email: coordinatorEmail, password: coordinatorPassword, fullName: 'Coordinator', role: 'coordinator' } }),
    201,
    'create coordinator',
  );
  const coordinator = await login(base, coordinatorEmail, coordinatorPassword);
  const [mentor, mentee] = await Promise.all([register(base, 4), register(base, 1)]);
  const today = new Date();
  const day = (offset: number): string => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const program = await expectStatus<{ id: string }>(
    call(base, 'POST', '/api/programs', { token: coordinator.token, body: { name: 'Process test program', timezone: 'Europe/Berlin', startsOn: day(-30), endsOn: day(365) } }),
    201,
    'program',
  );
  await expectStatus(call(base, 'POST', `/api/programs/${program.id}/enrollments`, { token: coordinator.token, body: { userId: mentor.id, role: 'mentor', capacity: 3 } }), 201, 'enrol mentor');
  await expectStatus(call(base, 'POST', `/api/programs/${program.id}/enrollments`, { token: coordinator.token, body: { userId: mentee.id, role: 'mentee' } }), 201, 'enrol mentee');
  const mentorship = await expectStatus<{ id: string }>(
    call(base, 'POST', `/api/programs/${program.id}/mentorships`, { token: coordinator.token, body: { menteeId: mentee.id, mentorId: mentor.id } }),
    201,
    'mentorship',
  );
  const conversations = await expectStatus<ConversationSummary[]>(call(base, 'GET', '/api/conversations', { token: mentee.token }), 200, 'conversations');
  const conversation = conversations.find((c) => c.programId === program.id);
  if (!conversation) throw new Error('the mentorship has no conversation');
  return { admin, coordinator, mentor, mentee, programId: program.id, mentorshipId: mentorship.id, conversationId: conversation.id };
}

/** A chat socket, connected (or the connect_error thrown). */
export function connectChat(base: string, token: string, options: { reconnection?: boolean } = {}): Promise<ChatClient> {
  const socket: ChatClient = io(`${base}/chat`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: options.reconnection ?? false });
  return new Promise((resolveSocket, reject) => {
    socket.once('connect', () => resolveSocket(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

/**
 * A database of the suite's own on the run's server (test/global-setup.mjs), so an API process started here
 * finds no admin or tables left by another suite.
 */
export async function freshDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env['PM_TEST_ADMIN_URL'];
  if (!adminUrl) throw new Error('PM_TEST_ADMIN_URL is not set: run through jest.int.config.cjs');
  const name = `pm_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A grade file of `rows` distinct records (see outcomes' CSV format). */
export function gradesCsv(rows: number, score: (i: number) => string = (i) => String(i % 101)): string {
  const lines = ['student_email,assessment,taken_on,score,max_score'];
  for (let i = 0; i < rows; i++) lines.push(`student${i % 1000}@csv.example,quiz ${Math.floor(i / 1000)},2026-09-15,${score(i)},100`);
  return `${lines.join('\n')}\n`;
}

/** Drives tools/embedded-db-server.mjs: a PostgreSQL of the test's own, to stop and start under a running API. */
export interface ControlledDatabase {
  url: string;
  adminUrl: string;
  logFile: string;
  stop: (mode?: 'smart' | 'fast' | 'immediate') => Promise<number>;
  start: () => Promise<number>;
  close: () => Promise<void>;
}

export async function startControlledDatabase(dataDir: string, database: string): Promise<ControlledDatabase> {
  const child = spawn(process.execPath, [join(repoRoot, 'tools/embedded-db-server.mjs'), dataDir, database], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  const events: Array<Record<string, unknown>> = [];
  const waiters: Array<(e: Record<string, unknown>) => void> = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const event = JSON.parse(line) as Record<string, unknown>;
    const waiter = waiters.shift();
    if (waiter) waiter(event);
    else events.push(event);
  });
  const next = (timeoutMs = 90_000): Promise<Record<string, unknown>> =>
    events.length > 0
      ? Promise.resolve(events.shift() as Record<string, unknown>)
      : new Promise((resolveEvent, reject) => {
          const timer = setTimeout(() => reject(new Error('the database controller did not answer')), timeoutMs);
          waiters.push((e) => {
            clearTimeout(timer);
            resolveEvent(e);
          });
        });
  const command = async (line: string, expected: string): Promise<number> => {
    child.stdin?.write(`${line}\n`);
    const event = await next();
    if (event['event'] !== expected) throw new Error(`${line}: ${JSON.stringify(event)}`);
    return event['ms'] as number;
  };
  const ready = await next();
  if (ready['event'] !== 'ready') throw new Error(`the embedded database did not start: ${JSON.stringify(ready)}`);
  const exited = new Promise((r) => child.once('exit', r));
  return {
    url: ready['url'] as string,
    adminUrl: ready['adminUrl'] as string,
    logFile: ready['logFile'] as string,
    stop: (mode = 'fast') => command(`stop ${mode}`, 'stopped'),
    start: () => command('start', 'started'),
    close: async () => {
      child.stdin?.end('exit\n');
      await settlesWithin(exited, 30_000);
    },
  };
}
