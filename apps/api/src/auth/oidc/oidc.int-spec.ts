import type { AddressInfo } from 'node:net';
import { newCoordinator, newMentee, newProgram } from '@api-test/factories';
import { browseToCallback, freePort, startTestProvider, type TestProvider } from '@api-test/oidc-provider';
import { startTestApp, type TestApp } from '@api-test/test-app';

/** The school sign-in end to end, against a real OpenID provider (oidc-provider) in a child process. */
describe('school sign-in (OpenID Connect, integration)', () => {
  let t: TestApp;
  let provider: TestProvider;
  let api: string;

  beforeAll(async () => {
    const providerPort = await freePort();
    t = await startTestApp({ OIDC_ISSUER: `http://127.0.0.1:${providerPort}`, OIDC_CLIENT_ID: 'mentoring-test', OIDC_CLIENT_SECRET: 'a-test-client-secret-of-some-length' });
    await t.app.listen(0, '127.0.0.1');
    api = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    provider = await startTestProvider(providerPort, `${api}/api/auth/oidc/callback`);
  }, 60_000);

  afterAll(async () => {
    await provider?.stop();
    await t?.close();
  });

  /** Starts a sign-in at the API and plays the browser through the provider; returns the callback URL. */
  async function throughProvider(query = ''): Promise<string> {
    const start = await fetch(`${api}/api/auth/oidc/start${query}`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const location = start.headers.get('location') as string;
    expect(location.startsWith(`${provider.issuer}/`)).toBe(true);
    const authorize = new URL(location);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toEqual(expect.any(String));
    return browseToCallback(location, `${api}/api/auth/oidc/callback`);
  }

  async function callback(url: string): Promise<URL> {
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location') as string);
  }

  const handoffOf = (landing: URL): string => new URLSearchParams(landing.hash.slice(1)).get('code') as string;

  it('says it is enabled', async () => {
    expect((await t.http().get('/api/auth/oidc').expect(200)).body).toEqual({ enabled: true });
  });

  it('signs a known student in by verified email, links the school account, and the hand-off code is single use', async () => {
    const s = await newMentee(t, { email: 'known@school.example' });
    await provider.setAccount({ sub: 'school-1', email: 'Known@School.example', email_verified: true, name: 'Known Student' });
    const landing = await callback(await throughProvider());
    expect(landing.pathname).toBe('/oidc/complete');
    const code = handoffOf(landing);
    const res = await t.http().post('/api/auth/oidc/exchange').send({ code }).expect(200);
    expect(res.body).toMatchObject({ user: { id: s.user.id, email: 'known@school.example' }, accessToken: expect.any(String), programId: null });
    await t.http().get('/api/me').set({ Authorization: `Bearer ${res.body.accessToken}` }).expect(200);
    expect((await t.http().post('/api/auth/oidc/exchange').send({ code }).expect(401)).body.code).toBe('OIDC_SIGN_IN_FAILED');
    const links: Array<{ user_id: string }> = await t.dataSource.query("SELECT user_id FROM user_identity WHERE subject = 'school-1'");
    expect(links).toEqual([{ user_id: s.user.id }]);
  });

  it('refuses a wrong state, a replayed callback and a wrong nonce', async () => {
    await provider.setAccount({ sub: 'school-2', email: 'two@school.example', email_verified: true });
    const url = new URL(await throughProvider());
    const forged = new URL(url);
    forged.searchParams.set('state', 'not-the-state-we-sent');
    expect((await callback(forged.href)).searchParams.get('oidcError')).toBe('OIDC_SIGN_IN_FAILED');
    // The real one still works once, then never again.
    expect((await callback(url.href)).pathname).toBe('/oidc/complete');
    expect((await callback(url.href)).searchParams.get('oidcError')).toBe('OIDC_SIGN_IN_FAILED');

    const second = new URL(await throughProvider());
    // The nonce kept on the server is not the one in the ID token: the token is refused.
    await t.dataSource.query("UPDATE oidc_login SET nonce = 'a-different-nonce' WHERE completed_at IS NULL");
    expect((await callback(second.href)).searchParams.get('oidcError')).toBe('OIDC_SIGN_IN_FAILED');
  });

  it('refuses an unverified email and makes a student account for a new verified one', async () => {
    await provider.setAccount({ sub: 'school-3', email: 'unverified@school.example', email_verified: false });
    expect((await callback(await throughProvider())).searchParams.get('oidcError')).toBe('OIDC_EMAIL_NOT_VERIFIED');
    await provider.setAccount({ sub: 'school-4', email: 'fresh@school.example', email_verified: true, name: 'Fresh Face' });
    const res = await t.http().post('/api/auth/oidc/exchange').send({ code: handoffOf(await callback(await throughProvider())) }).expect(200);
    expect(res.body.user).toMatchObject({ email: 'fresh@school.example', fullName: 'Fresh Face', role: 'student' });
  });

  it('links the invited account on a first sign-in through an invitation, whatever address the school gives', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    await t.http().post(`/api/programs/${p.id}/roster/import`).set(c.auth).set('Content-Type', 'text/csv').send('email,full_name,year_of_study,role\nregistrar@uni.example,Invited,1,mentee\n').expect(200);
    const list = await t.http().get(`/api/programs/${p.id}/invitations`).set(c.auth).expect(200);
    const token = new URL(list.body[0].url as string).searchParams.get('token') as string;
    await provider.setAccount({ sub: 'school-5', email: 'other-address@school.example', email_verified: false });
    const landing = await callback(await throughProvider(`?invitation=${token}`));
    const res = await t.http().post('/api/auth/oidc/exchange').send({ code: handoffOf(landing) }).expect(200);
    expect(res.body).toMatchObject({ user: { email: 'registrar@uni.example' }, programId: p.id });
    // The invitation is spent, and the next sign-in finds the account by its link.
    await t.http().post('/api/auth/invitations/accept').send({ token, password: 'a-new-password-1' }).expect(404);
    const again = await t.http().post('/api/auth/oidc/exchange').send({ code: handoffOf(await callback(await throughProvider())) }).expect(200);
    expect(again.body.user.email).toBe('registrar@uni.example');
  });
});
