import { MAX_YEAR_OF_STUDY } from '@pm/contracts';
import { newCoordinator, newMentee, newProgram, newStudent, TEST_PASSWORD } from '@api-test/factories';
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
      ['a bad email', { email: 'not-an-email' }, 'email', { code: 'email' }],
      ['a short password', { password: 'short' }, 'password', { code: 'minLength', params: { min: 10 } }],
      ['a missing name', { fullName: undefined }, 'fullName', { code: 'required' }],
      ['a blank name', { fullName: '   ' }, 'fullName', { code: 'notBlank' }],
      ['a year out of range', { yearOfStudy: 9 }, 'yearOfStudy', { code: 'max', params: { max: MAX_YEAR_OF_STUDY } }],
      ['a year as a string', { yearOfStudy: '1' }, 'yearOfStudy', { code: 'integer' }],
      ['a role slipped in', { role: 'admin' }, 'role', { code: 'unknownField' }],
      ['an unknown field', { isAdmin: true }, 'isAdmin', { code: 'unknownField' }],
    ])('answers 400 for %s, with the problem as a code the dashboard translates', async (_label, patch, field, problem) => {
      const res = await t.http().post('/api/auth/register').send(registration(patch)).expect(400);
      expect(res.body.statusCode).toBe(400);
      expect(res.body.error).toBe('Bad Request');
      expect(res.body.code).toBe('VALIDATION_FAILED');
      // The English sentences stay, for clients that read `message`.
      expect(JSON.stringify(res.body.message)).toContain(field);
      expect(res.body.fields).toContainEqual({ field, ...problem });
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

    it('slows down repeated failures against one account with 429 and Retry-After, from the sixth attempt on (README)', async () => {
      await newStudent(t, { email: 'target@uni.example' });
      for (let i = 0; i < 5; i++) {
        await t.http().post('/api/auth/login').send({ email: 'target@uni.example', password: `guess-number-${i}` }).expect(401);
      }
      const res = await t.http().post('/api/auth/login').send({ email: 'target@uni.example', password: TEST_PASSWORD }).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body.statusCode).toBe(429);
    });
  });

  describe('POST /api/auth/refresh', () => {
    /** Moves every spent token's first use back past the grace window (REFRESH_REUSE_GRACE_SECONDS, 10 s). */
    const pastGraceWindow = (): Promise<unknown> => t.dataSource.query(`UPDATE refresh_token SET used_at = used_at - interval '1 minute' WHERE used_at IS NOT NULL`);

    it('rotates: a new pair, and the old refresh token is spent', async () => {
      const s = await newStudent(t);
      const first = await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
      expect(first.body.refreshToken).not.toBe(s.refreshToken);
      await t.http().get('/api/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);
      await pastGraceWindow();
      const reuse = await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
      expect(reuse.body.code).toBe('INVALID_REFRESH_TOKEN');
    });

    it('revokes the whole family when a spent token is presented again after the grace window', async () => {
      const s = await newStudent(t);
      const next = await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
      await pastGraceWindow();
      await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
      // The legitimate holder's newer token dies with the family: whoever copied the old one gets nothing.
      await t.http().post('/api/auth/refresh').send({ refreshToken: next.body.refreshToken }).expect(401);
    });

    describe('two tabs refreshing the same token at once (the grace window)', () => {
      it('both get the same pair, and the user stays signed in: the pair keeps working', async () => {
        const s = await newStudent(t);
        const [a, b] = await Promise.all([0, 1].map(() => t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken })));
        expect([a?.status, b?.status]).toEqual([200, 200]);
        expect(a?.body.refreshToken).toBe(b?.body.refreshToken);
        expect(a?.body.user.id).toBe(s.user.id);
        await t.http().get('/api/me').set('Authorization', `Bearer ${b?.body.accessToken}`).expect(200);
        // No reuse detection fired: the shared new token refreshes once more.
        await t.http().post('/api/auth/refresh').send({ refreshToken: a?.body.refreshToken }).expect(200);
      });

      it('answers the same pair to a token presented again a moment later, without revoking anything', async () => {
        const s = await newStudent(t);
        const first = await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
        const again = await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
        expect(again.body.refreshToken).toBe(first.body.refreshToken);
        expect(again.body.accessToken).toBe(first.body.accessToken);
        const revoked: Array<{ n: number }> = await t.dataSource.query('SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1 AND revoked_at IS NOT NULL', [s.user.id]);
        expect(revoked[0]?.n).toBe(0);
      });

      it('stores no usable secret: only hashes, and the pair sealed under the spent token, which is stored nowhere', async () => {
        const s = await newStudent(t);
        const next = await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
        const rows: Array<Record<string, unknown>> = await t.dataSource.query('SELECT * FROM refresh_token WHERE user_id = $1', [s.user.id]);
        const stored = JSON.stringify(rows);
        for (const secret of [s.refreshToken.split('.')[1], next.body.refreshToken.split('.')[1], next.body.accessToken]) expect(stored).not.toContain(secret);
        expect(rows.find((r) => r['id'] === s.refreshToken.split('.')[0])?.['grace_sealed']).toEqual(expect.any(String));
      });

      it('does not outlive a password change: the spent token is refused and its family revoked', async () => {
        const s = await newStudent(t);
        await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
        await t.http().post('/api/me/password').set(s.auth).send({ currentPassword: TEST_PASSWORD, newPassword: 'another-long-password' }).expect(200);
        await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
      });

      it('a wrong secret with a spent token id gets nothing and revokes nothing', async () => {
        const s = await newStudent(t);
        const next = await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
        await t.http().post('/api/auth/refresh').send({ refreshToken: `${s.refreshToken.split('.')[0]}.not-the-secret` }).expect(401);
        await t.http().post('/api/auth/refresh').send({ refreshToken: next.body.refreshToken }).expect(200);
      });
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

    it.each([['bearer'], ['BEARER'], ['Bearer'], ['bEaReR']])('accepts the scheme written %s (RFC 7235: case-insensitive)', async (scheme) => {
      const s = await newStudent(t);
      await t.http().get('/api/me').set('Authorization', `${scheme} ${s.token}`).expect(200);
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
    // The PostgreSQL store, even where REDIS_URL is set for the run (CI sets it): these tests read its table.
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3', REDIS_URL: undefined as unknown as string });
  });
  afterAll(async () => t.close());

  beforeEach(async () => {
    await t.dataSource.query('DELETE FROM auth_rate_limit');
  });

  it('answers 429 with Retry-After past AUTH_RATE_LIMIT_PER_MINUTE', async () => {
    const attempt = () => t.http().post('/api/auth/login').send({ email: 'x@uni.example', password: 'whatever-password' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const res = await attempt().expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.any(String), code: 'TOO_MANY_ATTEMPTS' });
  });

  it('shares one budget between sign-in and registration, kept in PostgreSQL', async () => {
    await t.http().post('/api/auth/login').send({ email: 'x@uni.example', password: 'whatever-password' }).expect(401);
    await t.http().post('/api/auth/register').send({ email: 'budget@uni.example', password: 'a-long-password', fullName: 'Budget', yearOfStudy: 1 }).expect(201);
    await t.http().post('/api/auth/login').send({ email: 'x@uni.example', password: 'whatever-password' }).expect(401);
    await t.http().post('/api/auth/register').send({ email: 'budget2@uni.example', password: 'a-long-password', fullName: 'Budget', yearOfStudy: 1 }).expect(429);
    const rows: Array<{ points: number }> = await t.dataSource.query(`SELECT points FROM auth_rate_limit WHERE key LIKE 'auth:%'`);
    expect(rows.map((r) => r.points)).toEqual([4]);
  });

  it('counts guesses at invitation links and the school sign-in against the same address budget', async () => {
    const token = 'A'.repeat(43);
    await t.http().get(`/api/auth/invitations/${token}`).expect(404);
    await t.http().post('/api/auth/invitations/accept').send({ token, password: 'a-new-password-1' }).expect(404);
    await t.http().post('/api/auth/oidc/exchange').send({ code: 'guess' }).expect((res) => expect([401, 404]).toContain(res.status));
    const res = await t.http().post('/api/auth/invitations/accept').send({ token, password: 'a-new-password-1' }).expect(429);
    expect(res.body.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('counts join-code tries per account, so students behind one address are not shut out by each other', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const code = (await t.http().post(`/api/programs/${p.id}/join-codes`).set(c.auth).send({ role: 'mentee' }).expect(201)).body.code as string;
    const guesser = await newMentee(t);
    await t.http().get('/api/join-codes/ZZZZZZZZ').set(guesser.auth).expect(404);
    await t.http().post('/api/join').set(guesser.auth).send({ code: 'ZZZZZZZZ' }).expect(404);
    await t.http().post('/api/join').set(guesser.auth).send({ code: 'YYYYYYYY' }).expect(404);
    const refused = await t.http().post('/api/join').set(guesser.auth).send({ code }).expect(429);
    expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Three classmates on the same address join with the code while the guesser waits.
    for (let i = 0; i < 3; i++) {
      const classmate = await newMentee(t);
      await t.http().post('/api/join').set(classmate.auth).send({ code }).expect(201);
    }
  });
});
