import { newMentee } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

describe('calendar feed addresses: shown again, replaced on purpose, on a trusted origin (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUSTED_HOSTS: 'mentoring.school.example' });
  });
  afterAll(async () => t.close());

  it('shows the same address again, to GET and to a second POST, until it is replaced', async () => {
    const me = await newMentee(t);
    const made = await t.http().post('/api/me/calendar-feed').set(me.auth).expect(201);
    const again = await t.http().post('/api/me/calendar-feed').set(me.auth).expect(201);
    // supertest reaches the app on a new port each time, so the addresses are compared by path.
    const path = (url: string): string => new URL(url).pathname;
    expect(path(again.body.url as string)).toBe(path(made.body.url as string));
    const status = await t.http().get('/api/me/calendar-feed').set(me.auth).expect(200);
    expect(status.body).toMatchObject({ active: true, createdAt: made.body.createdAt });
    expect(path(status.body.url as string)).toBe(path(made.body.url as string));
    expect(status.body.webcalUrl).toBe((status.body.url as string).replace(/^http:/, 'webcal:'));
    // A subscription made from the first answer keeps working.
    await t.http().get(new URL(made.body.url as string).pathname).expect(200);

    const replaced = await t.http().post('/api/me/calendar-feed/replace').set(me.auth).expect(201);
    expect(path(replaced.body.url as string)).not.toBe(path(made.body.url as string));
    await t.http().get(new URL(made.body.url as string).pathname).expect(404);
    expect(path((await t.http().get('/api/me/calendar-feed').set(me.auth).expect(200)).body.url as string)).toBe(path(replaced.body.url as string));
  });

  it('builds the address on a trusted Host, and refuses any other (400 UNTRUSTED_HOST) without touching the feed', async () => {
    const me = await newMentee(t);
    const trusted = await t.http().post('/api/me/calendar-feed').set(me.auth).set('Host', 'mentoring.school.example').expect(201);
    expect(trusted.body.url).toMatch(/^http:\/\/mentoring\.school\.example\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const forged = await t.http().post('/api/me/calendar-feed/replace').set(me.auth).set('Host', 'evil.example').expect(400);
    expect(forged.body.code).toBe('UNTRUSTED_HOST');
    await t.http().get('/api/me/calendar-feed').set(me.auth).set('Host', 'evil.example').expect(400);
    await t.http().get(new URL(trusted.body.url as string).pathname).expect(200);
  });

  it('keeps no token in the table: only its hash and the nonce', async () => {
    const me = await newMentee(t);
    const made = await t.http().post('/api/me/calendar-feed').set(me.auth).expect(201);
    const token = /calendar\/([^/.]+)\.ics$/.exec(made.body.url as string)?.[1] as string;
    const rows: unknown[] = await t.dataSource.query('SELECT * FROM calendar_feed WHERE user_id = $1', [me.user.id]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});

describe('calendar feed addresses with PUBLIC_URL (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://mentoring.school.example' });
  });
  afterAll(async () => t.close());

  it('uses PUBLIC_URL whatever the Host says', async () => {
    const me = await newMentee(t);
    const res = await t.http().post('/api/me/calendar-feed').set(me.auth).set('Host', 'evil.example').expect(201);
    expect(res.body.url).toMatch(/^https:\/\/mentoring\.school\.example\/api\/calendar\//);
    expect(res.body.webcalUrl).toMatch(/^webcal:\/\/mentoring\.school\.example\//);
  });
});
