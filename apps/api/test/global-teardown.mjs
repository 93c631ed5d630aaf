import { rmSync } from 'node:fs';
import { dropDatabase } from '../../../tools/embedded-db.mjs';

export default async function globalTeardown() {
  const state = globalThis.__pmTestDb;
  if (!state) return;
  await dropDatabase(state.adminUrl, state.name).catch((e) => console.warn(`could not drop ${state.name}: ${e.message}`));
  if (state.embedded) await state.embedded.stop();
  if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
}
