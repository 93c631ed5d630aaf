import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { dropDatabase } from '../../../tools/embedded-db.mjs';

const root = new URL('../../../', import.meta.url).pathname;

export default async function globalTeardown() {
  // The API build the process-level suites share (test/api-process.ts), when any of them ran.
  rmSync(join(root, 'tmp', `api-build-${process.pid}`), { recursive: true, force: true });
  const state = globalThis.__pmTestDb;
  if (!state) return;
  await dropDatabase(state.adminUrl, state.name).catch((e) => console.warn(`could not drop ${state.name}: ${e.message}`));
  if (state.embedded) await state.embedded.stop();
  if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
}
