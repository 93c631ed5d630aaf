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
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.any(String), code: 'MALFORMED_BODY' });
  });

  it('serves the dashboard it ships with (the fixture stands in for the build), and its routes fall back to index.html', async () => {
    const res = await t.http().get('/programs/some-page').expect(200);
    expect(res.text).toContain('dashboard fixture');
    await t.http().post('/api/no-such-thing').send({}).expect(404);
  });

  // With the dashboard served, the static module's error handler once answered all of these "404 Cannot POST".
  describe('bodies the parser refuses, with the dashboard served as it ships', () => {
    const post = (path: string, contentType: string, body: string | Buffer, headers: Record<string, string> = {}) =>
      t.http().post(path).set({ 'Content-Type': contentType, ...headers }).send(body);
    it.each([
      ['malformed JSON', 'application/json', '{"a":', {}, 400, 'MALFORMED_BODY'],
      ['a top-level null', 'application/json', 'null', {}, 400, 'MALFORMED_BODY'],
      ['a body of 2 MB', 'application/json', `{"x":"${'y'.repeat(2 * 1024 * 1024)}"}`, {}, 413, 'BODY_TOO_LARGE'],
      ['a charset JSON does not allow (RFC 8259: UTF only)', 'application/json; charset=latin1', '{"a":1}', {}, 415, 'UNSUPPORTED_BODY_ENCODING'],
      ['a UTF charset that does not decode the bytes', 'application/json; charset=utf-16', '{"a":1}', {}, 400, 'MALFORMED_BODY'],
      ['an unknown Content-Encoding', 'application/json', '{"a":1}', { 'Content-Encoding': 'x-unknown' }, 415, 'UNSUPPORTED_BODY_ENCODING'],
      ['a false Content-Encoding (says gzip, is not)', 'application/json', '{"a":1}', { 'Content-Encoding': 'gzip' }, 400, 'MALFORMED_BODY'],
    ] as const)('%s', async (_label, type, body, headers, status, code) => {
      const res = await post('/api/auth/login', type, body, headers).expect(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({ statusCode: status, error: expect.any(String), message: expect.any(String), code });
    });

    it('answers a 33 MB grade file with 413, not 404', async () => {
      const res = await post('/api/programs/00000000-0000-4000-8000-000000000000/academic-records/import', 'text/csv', Buffer.alloc(33 * 1024 * 1024, 'a'));
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: expect.any(String), code: 'BODY_TOO_LARGE' });
    });
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
