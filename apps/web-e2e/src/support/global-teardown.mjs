import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const state = globalThis.__pmE2e;
  if (!state) return;
  const exited = new Promise((resolve) => state.server.once('exit', resolve));
  state.server.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  rmSync(state.dataDir, { recursive: true, force: true });
}
