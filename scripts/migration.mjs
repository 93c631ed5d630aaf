// Generates a migration from the entities, or checks that none is needed (CI's drift check).
//   node scripts/migration.mjs generate <Name>   writes apps/api/src/database/migrations/<timestamp>-<Name>.ts
//   node scripts/migration.mjs check             exits 1 when the entities and the migrations disagree
// A scratch database gets every existing migration first, so only the difference is generated.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabaseIfMissing, dropDatabase, startEmbeddedPostgres } from '../tools/embedded-db.mjs';

const [mode, name = 'Migration'] = process.argv.slice(2);
if (mode !== 'generate' && mode !== 'check') {
  console.error('usage: node scripts/migration.mjs generate <Name> | check');
  process.exit(2);
}

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args, env = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

// A clean, private build (not dist/, which a running API or a concurrent build may be using): a stale
// compiled migration left behind would otherwise be applied too.
const buildDir = join(root, 'tmp', `migration-build-${process.pid}`);
rmSync(buildDir, { recursive: true, force: true });
run('npx', ['tsc', '-p', 'apps/api/tsconfig.app.json', '--outDir', buildDir]);

let embedded;
let tempDir;
let adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  tempDir = mkdtempSync(join(tmpdir(), 'pm-migrations-'));
  embedded = await startEmbeddedPostgres({ dataDir: tempDir, database: 'postgres', persistent: false });
  adminUrl = embedded.adminUrl;
}
const scratch = `pm_migrations_${Date.now().toString(36)}`;
const scratchUrl = new URL(adminUrl);
scratchUrl.pathname = `/${scratch}`;

let status = 0;
try {
  await createDatabaseIfMissing(adminUrl, scratch);
  const cli = ['node_modules/typeorm/cli.js'];
  const dataSource = ['-d', join(buildDir, 'apps/api/src/database/data-source.js')];
  const env = { DATABASE_URL: scratchUrl.toString() };
  run('node', [...cli, 'migration:run', ...dataSource], env);
  const target = `apps/api/src/database/migrations/${name}`;
  try {
    run('node', [...cli, 'migration:generate', target, ...dataSource, '--pretty', ...(mode === 'check' ? ['--check'] : [])], env);
    if (mode === 'check') console.log('Migrations are up to date with the entities.');
  } catch {
    status = 1;
    if (mode === 'check') console.error('Entities and migrations disagree: run `npm run migration:generate -- <Name>` and review the result.');
  }
} finally {
  await dropDatabase(adminUrl, scratch).catch(() => {});
  if (embedded) await embedded.stop();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
}
process.exit(status);
