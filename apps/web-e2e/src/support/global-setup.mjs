// Starts the platform the way the README tells a new user to (the launcher, no DATABASE_URL, demo seed on),
// on a free port with a throw-away data folder, and waits until it answers.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../../tools/embedded-db.mjs';

const root = new URL('../../../../', import.meta.url).pathname;

export default async function globalSetup() {
  // E2E_BASE_URL set by hand: run against that server instead (fast iteration on one spec while developing).
  if (process.env.E2E_BASE_URL) return;
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pm-e2e-'));
  // Every sign-in of the run (the journeys' and the helpers' own, several suites at once) comes from 127.0.0.1:
  // the default budget of 60 a minute per address is for people, and a run that got faster started to meet it
  // (429 TOO_MANY_ATTEMPTS in a suite's setup). The limit itself is tested by the API's integration tests.
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, SKIP_BUILD: 'true', LOG_LEVEL: 'warn', AUTH_RATE_LIMIT_PER_MINUTE: '1000' };
  delete env.DATABASE_URL;
  delete env.DEMO_SEED;
  const server = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited early with code ${server.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not become healthy within 120 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  process.env.E2E_BASE_URL = baseUrl;
  globalThis.__pmE2e = { server, dataDir };
}
