import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The account the next login at the provider signs in as. */
  setAccount: (account: { sub: string; email?: string; email_verified?: boolean; name?: string }) => Promise<void>;
  stop: () => Promise<void>;
}

/** A free port on 127.0.0.1 (the provider must be named in the API's config before it starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts oidc-provider in a child process (it is ESM-only) with one confidential client. */
export async function startTestProvider(port: number, redirectUri: string): Promise<TestProvider> {
  const clientId = 'mentoring-test';
  const clientSecret = 'a-test-client-secret-of-some-length';
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
    env: { ...process.env, PORT: String(port), CLIENT_ID: clientId, CLIENT_SECRET: clientSecret, REDIRECT_URI: redirectUri, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the test OpenID provider did not start: ${stderr}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the test OpenID provider exited (${String(code)}): ${stderr}`)));
  });
  const issuer = `http://127.0.0.1:${port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: async (account) => {
      const res = await fetch(`${issuer}/test/account`, { method: 'POST', body: JSON.stringify(account) });
      if (res.status !== 204) throw new Error(`setAccount answered ${res.status}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Plays the browser between the API and the provider: follows redirects from `start` (keeping the provider's
 * cookies) until the provider sends the browser back to the API's callback, and returns that URL.
 */
export async function browseToCallback(startLocation: string, callbackPrefix: string): Promise<string> {
  const cookies = new Map<string, string>();
  let location = startLocation;
  for (let hop = 0; hop < 20; hop++) {
    if (location.startsWith(callbackPrefix)) return location;
    const res = await fetch(location, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = (pair ?? '').indexOf('=');
      if (eq > 0) cookies.set((pair as string).slice(0, eq), (pair as string).slice(eq + 1));
    }
    const next = res.headers.get('location');
    if (!next) throw new Error(`the provider answered ${res.status} without a redirect: ${await res.text()}`);
    location = new URL(next, location).href;
  }
  throw new Error('too many redirects');
}
