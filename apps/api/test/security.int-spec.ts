import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import type { ChatClientToServerEvents, ChatServerToClientEvents } from '@pm/contracts';
import { JWT_AUDIENCE, JWT_ISSUER } from '@api/auth/token.service';
import { newAdmin, newCoordinator, newStudent, TEST_PASSWORD, type TestUser } from './factories';
import { startTestApp, type TestApp } from './test-app';

// Accounts and the edges of the app: pinned access tokens, ending sign-ins (password change, deactivation)
// on HTTP and chat alike, rate limits, security headers and CORS. Logs: logging.int-spec.ts.

type Client = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;
type HandshakeError = Error & { data?: { code?: string } };

const SECRET = 'security-suite-signing-secret-0123456789';

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT made by hand, so the header can say anything an attacker likes. */
function jwt(header: object, claims: object, sign?: (input: string) => Buffer): string {
  const input = `${base64url(header)}.${base64url(claims)}`;
  return `${input}.${sign ? sign(input).toString('base64url') : ''}`;
}
const hmac =
  (algorithm: 'sha256' | 'sha384' | 'sha512', key: string) =>
  (input: string): Buffer =>
    createHmac(algorithm, key).update(input).digest();

async function listening(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
}

function socketTo(base: string, token: string, extraHeaders?: Record<string, string>): Client {
  return io(`${base}/chat`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, ...(extraHeaders ? { extraHeaders } : {}) });
}

function connected(socket: Client): Promise<Client> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function refused(socket: Client): Promise<HandshakeError> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the handshake was accepted')));
    socket.once('connect_error', resolve);
  });
}

describe('security (integration)', () => {
  let t: TestApp;
  let base: string;
  const sockets: Client[] = [];
  const open = (token: string, headers?: Record<string, string>, to = base): Client => {
    const s = socketTo(to, token, headers);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startTestApp({ JWT_SECRET: SECRET });
    base = await listening(t);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(async () => t.close());

  describe('access tokens are pinned to HS256, our issuer and our audience', () => {
    const now = (): number => Math.floor(Date.now() / 1000);
    const claims = (u: TestUser, o: Record<string, unknown> = {}): Record<string, unknown> => ({
      sub: u.user.id,
      role: 'admin',
      sv: 0,
      iss: JWT_ISSUER,
      aud: JWT_AUDIENCE,
      iat: now(),
      exp: now() + 600,
      ...o,
    });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

    const forged = (u: TestUser): Array<[string, string]> => [
      ['alg "none", unsigned', jwt({ alg: 'none', typ: 'JWT' }, claims(u))],
      ['alg "none" with a signature', jwt({ alg: 'none', typ: 'JWT' }, claims(u), hmac('sha256', SECRET))],
      ['HS512 with the right secret', jwt({ alg: 'HS512', typ: 'JWT' }, claims(u), hmac('sha512', SECRET))],
      ['HS384 with the right secret', jwt({ alg: 'HS384', typ: 'JWT' }, claims(u), hmac('sha384', SECRET))],
      ['RS256 with a key of its own', jwt({ alg: 'RS256', typ: 'JWT' }, claims(u), (input) => createSign('RSA-SHA256').update(input).sign(privateKey))],
      ['another audience', jwt({ alg: 'HS256', typ: 'JWT' }, claims(u, { aud: 'another-api' }), hmac('sha256', SECRET))],
      ['no audience', jwt({ alg: 'HS256', typ: 'JWT' }, claims(u, { aud: undefined }), hmac('sha256', SECRET))],
      ['another issuer', jwt({ alg: 'HS256', typ: 'JWT' }, claims(u, { iss: 'someone-else' }), hmac('sha256', SECRET))],
      ['no issuer', jwt({ alg: 'HS256', typ: 'JWT' }, claims(u, { iss: undefined }), hmac('sha256', SECRET))],
      ['another secret', jwt({ alg: 'HS256', typ: 'JWT' }, claims(u), hmac('sha256', 'x'.repeat(40)))],
      ['an expired one', jwt({ alg: 'HS256', typ: 'JWT' }, claims(u, { iat: now() - 1200, exp: now() - 600 }), hmac('sha256', SECRET))],
      ['no subject', jwt({ alg: 'HS256', typ: 'JWT' }, claims(u, { sub: undefined }), hmac('sha256', SECRET))],
    ];

    it('accepts the hand-made token when it is exactly what we issue (the forgeries below differ in one thing)', async () => {
      const s = await newStudent(t);
      const good = jwt({ alg: 'HS256', typ: 'JWT' }, claims(s, { role: 'student' }), hmac('sha256', SECRET));
      await t.http().get('/api/me').set('Authorization', `Bearer ${good}`).expect(200);
      expect((await connected(open(good))).connected).toBe(true);
    });

    it('refuses every forgery over HTTP with 401 in the error shape', async () => {
      const s = await newStudent(t);
      for (const [label, token] of forged(s)) {
        const res = await t.http().get('/api/users').set('Authorization', `Bearer ${token}`);
        expect({ label, status: res.status, body: res.body }).toEqual({
          label,
          status: 401,
          body: { statusCode: 401, error: 'Unauthorized', message: expect.any(String), code: 'UNAUTHENTICATED' },
        });
      }
    });

    it('refuses every forgery in the chat handshake (connect_error)', async () => {
      const s = await newStudent(t);
      for (const [label, token] of forged(s)) {
        const error = await refused(open(token));
        expect({ label, code: error.data?.code }).toEqual({ label, code: 'UNAUTHENTICATED' });
      }
    });
  });

  describe('POST /api/me/password', () => {
    const NEW_PASSWORD = 'a-brand-new-password';

    it('needs the current password and a new one of 10+ characters', async () => {
      const s = await newStudent(t);
      const wrong = await t.http().post('/api/me/password').set(s.auth).send({ currentPassword: 'not-my-password', newPassword: NEW_PASSWORD }).expect(403);
      expect(wrong.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'The current password is incorrect', code: 'CURRENT_PASSWORD_INCORRECT' });
      const short = await t.http().post('/api/me/password').set(s.auth).send({ currentPassword: TEST_PASSWORD, newPassword: 'short' }).expect(400);
      expect(JSON.stringify(short.body.message)).toContain('newPassword');
      await t.http().post('/api/me/password').set(s.auth).send({ newPassword: NEW_PASSWORD }).expect(400);
      await t.http().post('/api/me/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(401);
      // Nothing changed: the old password still signs in.
      await t.http().post('/api/auth/login').send({ email: s.user.email, password: TEST_PASSWORD }).expect(200);
    });

    it('ends every other sign-in at once: access tokens, refresh tokens and chat sockets; the caller gets a fresh pair', async () => {
      const s = await newStudent(t);
      const laptop = (await t.http().post('/api/auth/login').send({ email: s.user.email, password: TEST_PASSWORD }).expect(200)).body;
      const phoneSocket = await connected(open(s.token));
      const laptopSocket = await connected(open(laptop.accessToken));
      const reasons: string[] = [];
      for (const sock of [phoneSocket, laptopSocket]) sock.on('disconnect', (reason) => reasons.push(reason));

      const res = await t.http().post('/api/me/password').set(s.auth).send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(200);
      expect(res.body).toEqual({ user: expect.objectContaining({ id: s.user.id }), accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: expect.any(Number) });

      for (const token of [s.token, laptop.accessToken]) {
        const old = await t.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
        expect(old.body.code).toBe('UNAUTHENTICATED');
      }
      for (const refreshToken of [s.refreshToken, laptop.refreshToken]) await t.http().post('/api/auth/refresh').send({ refreshToken }).expect(401);
      for (let i = 0; i < 100 && reasons.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      expect(reasons).toEqual(['io server disconnect', 'io server disconnect']);
      expect((await refused(open(s.token))).data?.code).toBe('UNAUTHENTICATED');

      // The fresh pair works, refreshes, and connects; the new password signs in, the old one not.
      await t.http().get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      await t.http().post('/api/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);
      expect((await connected(open(res.body.accessToken))).connected).toBe(true);
      await t.http().post('/api/auth/login').send({ email: s.user.email, password: TEST_PASSWORD }).expect(401);
      await t.http().post('/api/auth/login').send({ email: s.user.email, password: NEW_PASSWORD }).expect(200);
      const audit: Array<{ action: string }> = await t.dataSource.query('SELECT action FROM audit_log WHERE subject_user_id = $1', [s.user.id]);
      expect(audit).toEqual([{ action: 'user.password_change' }]);
    });

    it('slows down guessing the current password, like sign-ins (429 with Retry-After)', async () => {
      const s = await newStudent(t);
      for (let i = 0; i < 5; i++) {
        await t.http().post('/api/me/password').set(s.auth).send({ currentPassword: `guess-number-${i}`, newPassword: NEW_PASSWORD }).expect(403);
      }
      // After the fifth failure in a row (as README says), the sixth attempt waits, even with the right password.
      const res = await t.http().post('/api/me/password').set(s.auth).send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'TOO_MANY_ATTEMPTS' });
    });
  });

  describe('deactivating an account', () => {
    it('ends its sign-ins at once, on every API instance, and it cannot sign in again until reactivated', async () => {
      // A second instance of the API on the same database: its socket must be closed too (the adapter fans
      // out). Started first, as booting a test app empties the tables.
      const other = await startTestApp({ JWT_SECRET: SECRET });
      try {
        const otherBase = await listening(other);
        const admin = await newAdmin(t);
        const s = await newStudent(t);
        const here = await connected(open(s.token));
        const there = await connected(open(s.token, undefined, otherBase));
        const reasons: string[] = [];
        for (const sock of [here, there]) sock.on('disconnect', (reason) => reasons.push(reason));

        const res = await t.http().post(`/api/users/${s.user.id}/deactivate`).set(admin.auth).expect(200);
        expect(res.body).toEqual({ id: s.user.id, email: s.user.email, fullName: s.user.fullName, role: 'student', yearOfStudy: s.user.yearOfStudy, deactivatedAt: expect.any(String) });

        const me = await t.http().get('/api/me').set(s.auth).expect(401);
        expect(me.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'This account has been deactivated', code: 'UNAUTHENTICATED' });
        await other.http().get('/api/me').set(s.auth).expect(401);
        await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
        for (let i = 0; i < 250 && reasons.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
        expect(reasons).toEqual(['io server disconnect', 'io server disconnect']);
        expect((await refused(open(s.token, undefined, otherBase))).data?.code).toBe('UNAUTHENTICATED');

        // The right password is told the account is deactivated; a wrong one learns nothing new.
        const login = await t.http().post('/api/auth/login').send({ email: s.user.email, password: TEST_PASSWORD }).expect(403);
        expect(login.body.code).toBe('ACCOUNT_DEACTIVATED');
        const wrong = await t.http().post('/api/auth/login').send({ email: s.user.email, password: 'wrong-password' }).expect(401);
        expect(wrong.body.code).toBe('INVALID_CREDENTIALS');

        // Idempotent; reactivation lets the password in again, but tokens from before stay dead.
        await t.http().post(`/api/users/${s.user.id}/deactivate`).set(admin.auth).expect(200);
        const back = await t.http().post(`/api/users/${s.user.id}/reactivate`).set(admin.auth).expect(200);
        expect(back.body.deactivatedAt).toBeNull();
        await t.http().get('/api/me').set(s.auth).expect(401);
        const fresh = await t.http().post('/api/auth/login').send({ email: s.user.email, password: TEST_PASSWORD }).expect(200);
        await t.http().get('/api/me').set('Authorization', `Bearer ${fresh.body.accessToken}`).expect(200);
        const audit: Array<{ action: string; actor_id: string }> = await t.dataSource.query(
          'SELECT action, actor_id FROM audit_log WHERE subject_user_id = $1 ORDER BY created_at, action',
          [s.user.id],
        );
        expect(audit.map((a) => a.action).sort()).toEqual(['user.deactivate', 'user.reactivate']);
        expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set([admin.user.id]));
      } finally {
        await other.close();
      }
    });

    it('is for admins only, never on oneself, and answers 404 for an unknown account', async () => {
      const admin = await newAdmin(t);
      const coordinator = await newCoordinator(t);
      const s = await newStudent(t);
      await t.http().post(`/api/users/${s.user.id}/deactivate`).set(coordinator.auth).expect(403);
      await t.http().post(`/api/users/${s.user.id}/deactivate`).set(s.auth).expect(403);
      const self = await t.http().post(`/api/users/${admin.user.id}/deactivate`).set(admin.auth).expect(400);
      expect(self.body.code).toBe('CANNOT_DEACTIVATE_SELF');
      await t.http().post('/api/users/00000000-0000-4000-8000-000000000000/deactivate').set(admin.auth).expect(404);
      await t.http().post('/api/users/not-a-uuid/reactivate').set(admin.auth).expect(404);
      await t.http().get('/api/me').set(s.auth).expect(200);
    });
  });

  describe('security headers', () => {
    it.each([
      ['a JSON answer', '/api/health', 200],
      ['an error', '/api/me', 401],
      ['an unknown route', '/api/nothing-here', 404],
      ['the API docs page', '/api/docs', 200],
    ])('are on %s', async (_label, path, status) => {
      const res = await t.http().get(path).expect(status);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("base-uri 'self'");
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('CORS: same origin only by default', () => {
    it('sends no CORS header to a foreign origin, for a request or a preflight', async () => {
      const get = await t.http().get('/api/health').set('Origin', 'https://evil.example').expect(200);
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.http().options('/api/auth/login').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    });

    it('refuses a chat handshake from a foreign page, but not from its own or from a non-browser client', async () => {
      const s = await newStudent(t);
      await expect(connected(open(s.token, { Origin: 'https://evil.example' }))).rejects.toThrow();
      expect((await connected(open(s.token, { Origin: base }))).connected).toBe(true);
      expect((await connected(open(s.token))).connected).toBe(true);
    });
  });
});

describe('CORS with CORS_ORIGINS (integration)', () => {
  const ALLOWED = 'https://dashboard.school.example';
  let t: TestApp;
  let base: string;
  const sockets: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: `${ALLOWED}, http://localhost:4200` });
    base = await listening(t);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(async () => t.close());

  it('answers a listed origin, with a preflight for the bearer token', async () => {
    const preflight = await t
      .http()
      .options('/api/auth/login')
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toBe('authorization,content-type');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const get = await t.http().get('/api/health').set('Origin', ALLOWED).expect(200);
    expect(get.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(get.headers['vary']).toMatch(/Origin/);
  });

  it.each([['https://evil.example'], ['https://dashboard.school.example.evil.example'], ['http://dashboard.school.example'], ['null']])(
    'sends no CORS header to %s',
    async (origin) => {
      const get = await t.http().get('/api/health').set('Origin', origin).expect(200);
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.http().options('/api/auth/login').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    },
  );

  it('applies the same list to chat sockets (websocket and polling)', async () => {
    const s = await newStudent(t);
    const open = (headers: Record<string, string>): Client => {
      const sock = socketTo(base, s.token, headers);
      sockets.push(sock);
      return sock;
    };
    expect((await connected(open({ Origin: ALLOWED }))).connected).toBe(true);
    await expect(connected(open({ Origin: 'https://evil.example' }))).rejects.toThrow();
    const polling = await t.http().get('/socket.io/?EIO=4&transport=polling').set('Origin', ALLOWED).expect(200);
    expect(polling.headers['access-control-allow-origin']).toBe(ALLOWED);
    const foreign = await t.http().get('/socket.io/?EIO=4&transport=polling').set('Origin', 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('sign-in and registration rate limit per address (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The PostgreSQL store even where the run sets REDIS_URL: each suite's database starts empty, Redis does not.
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3', REDIS_URL: undefined as unknown as string });
  });
  afterAll(async () => t.close());

  const registration = (i: number): Record<string, unknown> => ({ email: `rate-${i}-${Date.now()}@uni.example`, password: 'a-long-password', fullName: 'Rate Limited', yearOfStudy: 1 });

  it('answers registration past AUTH_RATE_LIMIT_PER_MINUTE with 429 and Retry-After, creating nothing', async () => {
    for (let i = 0; i < 3; i++) await t.http().post('/api/auth/register').send(registration(i)).expect(201);
    const over = registration(3);
    const res = await t.http().post('/api/auth/register').send(over).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.any(String), code: 'TOO_MANY_ATTEMPTS' });
    const rows: Array<{ n: number }> = await t.dataSource.query('SELECT count(*)::int AS n FROM app_user WHERE email = $1', [over['email']]);
    expect(rows[0]?.n).toBe(0);
  });

  it('answers sign-in past the limit with 429 and Retry-After, even with the right password', async () => {
    // A fresh minute for this address: the budget is shared with registration, which the test above used up.
    await t.dataSource.query('DELETE FROM auth_rate_limit');
    const s = await newStudent(t);
    for (let i = 0; i < 3; i++) await t.http().post('/api/auth/login').send({ email: s.user.email, password: i === 2 ? TEST_PASSWORD : 'wrong-password' });
    const res = await t.http().post('/api/auth/login').send({ email: s.user.email, password: TEST_PASSWORD }).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.statusCode).toBe(429);
  });
});
