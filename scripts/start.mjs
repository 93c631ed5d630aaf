// `npm start`: builds what changed (Nx caches the rest), starts an embedded PostgreSQL when DATABASE_URL is
// unset (data kept under DATA_DIR, default .data/), then runs the API, which also serves the dashboard.
// Ctrl-C or SIGTERM stops the API first (it finishes requests in flight), then the database, cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startEmbeddedPostgres } from '../tools/embedded-db.mjs';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NODE_ENV: process.env.NODE_ENV ?? 'production' };

if (process.env.SKIP_BUILD !== 'true') {
  console.log('Building the API and the dashboard (cached after the first time)...');
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'], { cwd: root, stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let database;
if (!env.DATABASE_URL) {
  const dataDir = resolve(root, env.DATA_DIR ?? '.data');
  console.log(`No DATABASE_URL: starting an embedded PostgreSQL with its data in ${dataDir}`);
  database = await startEmbeddedPostgres({ dataDir, database: 'mentoring', port: Number(env.EMBEDDED_PG_PORT ?? 0) });
  env.DATABASE_URL = database.url;
}

const api = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], { cwd: root, stdio: 'inherit', env });

let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  api.kill(signal);
};
process.on('SIGINT', () => stop('SIGTERM'));
process.on('SIGTERM', () => stop('SIGTERM'));

api.on('exit', async (code, signal) => {
  if (database) {
    console.log('Stopping the embedded PostgreSQL...');
    await database.stop().catch((e) => console.error(`could not stop PostgreSQL cleanly: ${e.message}`));
  }
  process.exit(code ?? (signal ? 0 : 1));
});
