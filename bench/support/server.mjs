// Starts the built API for a benchmark on a fresh database (DATABASE_URL's server when set, else an
// embedded PostgreSQL), with a known admin, and stops everything afterwards.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabaseIfMissing, dropDatabase, freePort, startEmbeddedPostgres } from '../../tools/embedded-db.mjs';

const root = new URL('../../', import.meta.url).pathname;
export const ADMIN = { email: 'bench-admin@bench.example', password: 'bench-password-123' };

export async function startBenchServer(env = {}) {
  let embedded;
  let dataDir;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'pm-bench-'));
    embedded = await startEmbeddedPostgres({ dataDir, database: 'postgres', persistent: false });
    adminUrl = embedded.adminUrl;
  }
  const name = `pm_bench_${Date.now().toString(36)}`;
  await createDatabaseIfMissing(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const port = await freePort();
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API while a benchmark drives it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // BENCH_API_MAIN: another build of the API (e.g. a private tsc --outDir) instead of dist/; in `env`, for this
  // server only (a benchmark comparing two builds in one run).
  const server = spawn(process.execPath, [...nodeArgs, env.BENCH_API_MAIN ?? process.env.BENCH_API_MAIN ?? 'dist/apps/api/apps/api/src/main.js'], {
    cwd: root,
    stdio: ['ignore', process.env.BENCH_SERVER_LOG ? 'inherit' : 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), DEMO_SEED: 'false', LOG_LEVEL: 'warn', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, AUTH_RATE_LIMIT_PER_MINUTE: '100000', ...env },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // BENCH_STARTUP_SECONDS: more than a minute for a busy machine (a fresh database runs every migration first).
  for (const deadline = Date.now() + Number(process.env.BENCH_STARTUP_SECONDS ?? 60) * 1000; ; ) {
    if (server.exitCode !== null) throw new Error('the API exited during start-up');
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error(`the API did not start within ${process.env.BENCH_STARTUP_SECONDS ?? 60} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    pid: server.pid,
    databaseUrl: url.toString(),
    async stop() {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
      await dropDatabase(adminUrl, name).catch(() => {});
      if (embedded) await embedded.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function api(baseUrl, method, path, { token, body, contentType = 'application/json' } = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': contentType } : {}) },
    body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function timeIt(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
