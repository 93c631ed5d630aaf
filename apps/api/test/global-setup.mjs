// One database for the whole integration run: a fresh one on DATABASE_URL's server when it is set (CI, a
// developer's PostgreSQL), else on a throw-away embedded PostgreSQL (a bare machine). Workers inherit
// DATABASE_URL pointing at it; the first app that boots applies the migrations.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabaseIfMissing, startEmbeddedPostgres } from '../../../tools/embedded-db.mjs';

export default async function globalSetup() {
  const name = `pm_test_${process.pid}_${Date.now().toString(36)}`;
  let adminUrl = process.env.DATABASE_URL;
  let embedded;
  let dataDir;
  if (!adminUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'pm-test-db-'));
    embedded = await startEmbeddedPostgres({ dataDir, database: 'postgres', persistent: false });
    adminUrl = embedded.adminUrl;
  }
  await createDatabaseIfMissing(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.PM_TEST_ADMIN_URL = adminUrl;
  globalThis.__pmTestDb = { adminUrl, name, embedded, dataDir };
}
