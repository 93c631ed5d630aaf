import { startTestApp, type TestApp } from '@api-test/test-app';

describe('the app as a whole (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('GET /api/health answers 200 {status: "ok"} while the database answers', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok' });
  });

  it('serves the OpenAPI document, generated from the code', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths as Record<string, unknown>);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/auth/refresh', '/api/me', '/api/me/profile', '/api/users', '/api/programs', '/api/programs/{id}/enrollments', '/api/health']));
    await t.http().get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it('answers malformed JSON with a 400 in the error shape, not a 500', async () => {
    const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.c", "password": ').expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
  });

  it('answers a body that is not an object with 400', async () => {
    await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('[1, 2, 3]').expect(400);
    await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('"just a string"').expect(400);
  });

  it('answers an unknown API route with a 404 in the error shape', async () => {
    const res = await t.http().get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
  });

  it('answers headers past Node\'s 16 KB limit with a 431 in the error shape, not a bare status line', async () => {
    const res = await t.http().get(`/api/users?q=${'a'.repeat(17_000)}`).expect(431);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.text)).toEqual({ statusCode: 431, error: 'Request Header Fields Too Large', message: expect.any(String) });
  });

  it('answers an oversized body with 413, not a 500', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'a@b.c', password: 'x'.repeat(2_000_000) }).expect(413);
    expect(res.body.statusCode).toBe(413);
  });

  it('sends security headers', async () => {
    const res = await t.http().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
