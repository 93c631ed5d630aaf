// `npm start`: builds what changed (Nx caches the rest), starts an embedded PostgreSQL when DATABASE_URL is
// unset (data kept under DATA_DIR, default .data/), then runs the API, which also serves the dashboard.
//
// Ctrl-C, SIGTERM or SIGHUP stops things in order: the API first (it stops accepting connections, finishes the
// requests and chat events in flight and closes its database pool), then, once it has exited, the embedded
// PostgreSQL with a clean shutdown (a checkpoint; the next start needs no recovery). The database runs in a
// session of its own (tools/embedded-db.mjs), so the terminal's Ctrl-C does not reach it before the API is
// done with it; the API ignores the second signal it gets (the terminal's and ours). A launcher signalled
// again while stopping keeps waiting: the API bounds its own shutdown (SHUTDOWN_TIMEOUT_SECONDS).
//
// PM_API_MAIN (for tests) runs another build of the API instead of dist/.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startEmbeddedPostgres } from '../tools/embedded-db.mjs';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NODE_ENV: process.env.NODE_ENV ?? 'production' };
const apiMain = env.PM_API_MAIN ?? 'dist/apps/api/apps/api/src/main.js';

let stopping = false;
let api;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) {
      console.log(`${signal}: already stopping, waiting for the API to finish what is in flight...`);
      return;
    }
    stopping = true;
    if (api && api.exitCode === null && api.signalCode === null) {
      console.log(`${signal}: stopping the API (it finishes the requests in flight first)...`);
      api.kill('SIGTERM');
    }
  });
}

if (env.SKIP_BUILD !== 'true') {
  console.log('Building the API and the dashboard (cached after the first time)...');
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'], { cwd: root, stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let database;
if (!env.DATABASE_URL) {
  const dataDir = resolve(root, env.DATA_DIR ?? '.data');
  console.log(`No DATABASE_URL: starting an embedded PostgreSQL with its data in ${dataDir} (log: ${resolve(dataDir, 'postgres.log')})`);
  // This launcher decides when the database stops (after the API), so the helper must not act on signals.
  database = await startEmbeddedPostgres({ dataDir, database: 'mentoring', port: Number(env.EMBEDDED_PG_PORT ?? 0), stopOnSignals: false });
  env.DATABASE_URL = database.url;
}

async function stopDatabase() {
  if (!database) return;
  console.log('Stopping the embedded PostgreSQL...');
  try {
    await database.stop({ mode: 'fast' });
    console.log('PostgreSQL stopped cleanly.');
  } catch (e) {
    console.error(`could not stop PostgreSQL cleanly: ${e.message}`);
  }
}

if (stopping) {
  // Signalled while the database was starting: nothing else to wait for.
  await stopDatabase();
  process.exit(0);
}

api = spawn(process.execPath, [apiMain], { cwd: root, stdio: 'inherit', env });
api.on('exit', async (code, signal) => {
  await stopDatabase();
  // Stopped on request: the API's own verdict (0 after a clean drain). Died by itself: a failure.
  process.exit(code ?? (stopping && signal ? 0 : 1));
});
