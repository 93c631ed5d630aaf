import { startTestApp } from '@api-test/test-app';

describe('chat fan-out adapter (integration)', () => {
  it('lets the app close right after it started, while its LISTEN connection is still being opened', async () => {
    const t = await startTestApp();
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still closing after 10 s'), 10_000)));
    try {
      // Before the fix, pool.end() waited forever for the connection the adapter opened after being closed.
      await expect(Promise.race([t.close().then(() => 'closed'), hung])).resolves.toBe('closed');
    } finally {
      clearTimeout(timer);
    }
  });
});
