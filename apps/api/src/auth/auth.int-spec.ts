import { newStudent, TEST_PASSWORD } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

describe('auth (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const registration = (o: Record<string, unknown> = {}): Record<string, unknown> => ({
    email: `new-${Math.random().toString(36).slice(2)}@uni.example`,
    password: 'a-long-password',
    fullName: 'Sara Ahmadi',
    yearOfStudy: 1,
    ...o,
  });

  describe('POST /api/auth/register', () => {
    it('creates a student and returns tokens that work', async () => {
      const body = registration({ email: 'Sara@Uni.Example' });
      const res = await t.http().post('/api/auth/register').send(body).expect(201);
      expect(res.body.user).toEqual({ id: expect.any(String), email: 'sara@uni.example', fullName: 'Sara Ahmadi', role: 'student', yearOfStudy: 1 });
      expect(res.body.user).not.toHaveProperty('passwordHash');
      expect(typeof res.body.refreshToken).toBe('string');
      const me = await t.http().get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body.email).toBe('sara@uni.example');
    });

    it('answers 409 for a taken email, whatever its case', async () => {
      await t.http().post('/api/auth/register').send(registration({ email: 'taken@uni.example' })).expect(201);
      const res = await t.http().post('/api/auth/register').send(registration({ email: 'TAKEN@uni.example' })).expect(409);
      expect(res.body).toEqual({ statusCode: 409, error: 'Conflict', message: expect.any(String), code: 'EMAIL_TAKEN' });
    });

    it.each([
      ['a bad email', { email: 'not-an-email' }, 'email'],
      ['a short password', { password: 'short' }, 'password'],
      ['a missing name', { fullName: undefined }, 'fullName'],
      ['a blank name', { fullName: '   ' }, 'fullName'],
      ['a year out of range', { yearOfStudy: 9 }, 'yearOfStudy'],
      ['a year as a string', { yearOfStudy: '1' }, 'yearOfStudy'],
      ['a role slipped in', { role: 'admin' }, 'role'],
      ['an unknown field', { isAdmin: true }, 'isAdmin'],
    ])('answers 400 for %s', async (_label, patch, field) => {
      const res = await t.http().post('/api/auth/register').send(registration(patch)).expect(400);
      expect(res.body.statusCode).toBe(400);
      expect(res.body.error).toBe('Bad Request');
      expect(JSON.stringify(res.body.message)).toContain(field);
    });

    it('never lets a registration choose its role', async () => {
      await t.http().post('/api/auth/register').send(registration({ email: 'sneaky@uni.example', role: 'admin' })).expect(400);
      const count: Array<{ n: number }> = await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE email = 'sneaky@uni.example'`);
      expect(count[0]?.n).toBe(0);
    });
  });

  describe('POST /api/auth/login', () => {
    it('signs in with the right password', async () => {
      const s = await newStudent(t, { email: 'login@uni.example' });
      const res = await t.http().post('/api/auth/login').send({ email: 'LOGIN@uni.example', password: TEST_PASSWORD }).expect(200);
      expect(res.body.user.id).toBe(s.user.id);
      expect(res.body.accessToken).toEqual(expect.any(String));
    });

    it('answers an unknown email and a wrong password with the same 401', async () => {
      await newStudent(t, { email: 'known@uni.example' });
      const wrong = await t.http().post('/api/auth/login').send({ email: 'known@uni.example', password: 'wrong-password' }).expect(401);
      const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody@uni.example', password: 'wrong-password' }).expect(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Email or password is incorrect', code: 'INVALID_CREDENTIALS' });
    });

    it('slows down repeated failures against one account with 429 and Retry-After', async () => {
      await newStudent(t, { email: 'target@uni.example' });
      for (let i = 0; i < 6; i++) {
        await t.http().post('/api/auth/login').send({ email: 'target@uni.example', password: `guess-number-${i}` });
      }
      const res = await t.http().post('/api/auth/login').send({ email: 'target@uni.example', password: TEST_PASSWORD }).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body.statusCode).toBe(429);
    });
  });

  describe('POST /api/auth/refresh', () => {
    it('rotates: a new pair, and the old refresh token is spent', async () => {
      const s = await newStudent(t);
      const first = await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
      expect(first.body.refreshToken).not.toBe(s.refreshToken);
      await t.http().get('/api/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);
      const reuse = await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
      expect(reuse.body.code).toBe('INVALID_REFRESH_TOKEN');
    });

    it('revokes the whole family when a spent token is presented again', async () => {
      const s = await newStudent(t);
      const next = await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
      await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
      // The legitimate holder's newer token dies with the family: whoever copied the old one gets nothing.
      await t.http().post('/api/auth/refresh').send({ refreshToken: next.body.refreshToken }).expect(401);
    });

    it.each([['garbage'], ['00000000-0000-0000-0000-000000000000.secret'], ['']])('answers 401 for an unknown token %p', async (token) => {
      await t.http().post('/api/auth/refresh').send({ refreshToken: token }).expect(401);
    });

    it('answers 400 without a token', async () => {
      await t.http().post('/api/auth/refresh').send({}).expect(400);
    });

    it('sign-out revokes the family', async () => {
      const s = await newStudent(t);
      await t.http().post('/api/auth/logout').send({ refreshToken: s.refreshToken }).expect(204);
      await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
    });
  });

  describe('bearer tokens', () => {
    it.each([
      ['no header', undefined],
      ['a malformed token', 'Bearer not.a.jwt'],
      ['a token signed with another secret', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.c2lnbmF0dXJl'],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
    ])('answers 401 with the error shape for %s', async (_label, header) => {
      const req = t.http().get('/api/me');
      if (header) void req.set('Authorization', header);
      const res = await req.expect(401);
      expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String), code: 'UNAUTHENTICATED' });
    });

    it('stops working once the account is removed', async () => {
      const s = await newStudent(t);
      await t.dataSource.query('DELETE FROM app_user WHERE id = $1', [s.user.id]);
      await t.http().get('/api/me').set(s.auth).expect(401);
    });
  });
});

describe('auth rate limit per address (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => t.close());

  it('answers 429 with Retry-After past AUTH_RATE_LIMIT_PER_MINUTE', async () => {
    const attempt = () => t.http().post('/api/auth/login').send({ email: 'x@uni.example', password: 'whatever-password' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const res = await attempt().expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.any(String) });
  });
});
