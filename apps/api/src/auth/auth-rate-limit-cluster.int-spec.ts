import { randomUUID } from 'node:crypto';
import { buildApi, call, freshDatabase, startApi, type ApiProcess } from '@api-test/api-process';

// Two real API processes on one database: the per-address budget of sign-in and registration attempts is
// one budget (kept in PostgreSQL), not one per replica, so two replicas do not double it.
describe('sign-in budget across two API processes (integration)', () => {
  const LIMIT = 4;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const apis: ApiProcess[] = [];

  beforeAll(async () => {
    const main = buildApi();
    database = await freshDatabase('ratelimit');
    // One after the other: the first applies the migrations. (Build and start take minutes on a loaded machine.)
    for (let i = 0; i < 2; i++) apis.push(await startApi(main, { DATABASE_URL: database.url, AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT) }, { startupTimeoutMs: 200_000 }));
  }, 540_000);

  afterAll(async () => {
    await Promise.all(apis.map((a) => a.stop()));
    await database?.drop();
  }, 60_000);

  it(`lets ${LIMIT} attempts through in all, alternating between the processes, then answers 429 on both`, async () => {
    const [a, b] = apis as [ApiProcess, ApiProcess];
    const signIn = (api: ApiProcess) => call(api.url, 'POST', '/api/auth/login', { body: { email: 'nobody@proc.example', password: 'wrong-password' } });
    const register = (api: ApiProcess) => call(api.url, 'POST', '/api/auth/register', { body: { email: `r-${randomUUID()}@proc.example`, password: 'a-long-password', fullName: 'Budget', yearOfStudy: 1 } });
    const statuses = [(await signIn(a)).status, (await register(b)).status, (await signIn(b)).status, (await register(a)).status];
    expect(statuses).toEqual([401, 201, 401, 201]);
    for (const api of [a, b]) {
      const over = await signIn(api);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(over.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.any(String), code: 'TOO_MANY_ATTEMPTS' });
    }
    expect((await register(b)).status).toBe(429);
  }, 60_000);

  it('is the app that ships (main.js, dashboard served): a body the parser refuses is its JSON error, not "404 Cannot POST"', async () => {
    const api = apis[0] as ApiProcess;
    expect((await fetch(`${api.url}/some/dashboard/page`)).status).toBe(200);
    const malformed = await fetch(`${api.url}/api/auth/refresh`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'null' });
    expect({ status: malformed.status, body: (await malformed.json()) as unknown }).toEqual({ status: 400, body: expect.objectContaining({ statusCode: 400, code: 'MALFORMED_BODY' }) });
  }, 60_000);
});
