import { randomUUID } from 'node:crypto';
import type { ChatMessage } from '@pm/contracts';
import { buildApi, call, connectChat, freshDatabase, gradesCsv, newMentorship, register, startApi, waitFor, type ApiProcess, type Reply } from './api-process';

// No password, token, grade or chat message in any log line, at the most verbose level: the real API process
// (its stdout and stderr are what an operator's log collector gets) driven through every path that handles
// them, the failing ones included.

const ADMIN = { email: 'logging-admin@proc.example', password: `admin-${randomUUID()}` };

/** Grades nobody would print by accident: any of these in a log line is a leak. */
const GRADES = ['61.4375', '88.0625', '47.8125', '93.3125'];

describe('logs carry no secrets and no grades (integration, real process)', () => {
  let api: ApiProcess;
  let database: Awaited<ReturnType<typeof freshDatabase>>;

  beforeAll(async () => {
    const main = buildApi();
    database = await freshDatabase('logging');
    // No refresh grace window: the spent token's reuse below must be refused (and logged without the token).
    api = await startApi(main, { DATABASE_URL: database.url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'trace', REFRESH_REUSE_GRACE_SECONDS: '0' });
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  }, 60_000);

  it('at LOG_LEVEL=trace, while registering, signing in, refreshing, changing a password, importing grades and chatting', async () => {
    const secrets: string[] = [ADMIN.password];
    const keep = <T>(reply: Reply<T>): Reply<T> => {
      const body = reply.body as { accessToken?: string; refreshToken?: string } | undefined;
      if (body?.accessToken) secrets.push(body.accessToken);
      if (body?.refreshToken) secrets.push(body.refreshToken);
      return reply;
    };

    // Registration, with a good and a refused password.
    const password = `first-${randomUUID()}`;
    const email = `logged-${randomUUID()}@proc.example`;
    secrets.push(password, 'tiny-pw');
    keep(await call(api.url, 'POST', '/api/auth/register', { body: { email, password, fullName: 'Logged Student', yearOfStudy: 2 } }));
    expect((await call(api.url, 'POST', '/api/auth/register', { body: { email: `x-${email}`, password: 'tiny-pw', fullName: 'Short', yearOfStudy: 2 } })).status).toBe(400);

    // Sign-in: right, wrong, unknown account.
    const wrongPassword = `wrong-${randomUUID()}`;
    secrets.push(wrongPassword);
    const signedIn = keep(await call(api.url, 'POST', '/api/auth/login', { body: { email, password } }));
    expect(signedIn.status).toBe(200);
    expect((await call(api.url, 'POST', '/api/auth/login', { body: { email, password: wrongPassword } })).status).toBe(401);
    expect((await call(api.url, 'POST', '/api/auth/login', { body: { email: `nobody-${email}`, password: wrongPassword } })).status).toBe(401);

    // Refresh: once, then the spent token again (refused, revokes the family).
    const refreshed = keep(await call(api.url, 'POST', '/api/auth/refresh', { body: { refreshToken: signedIn.body.refreshToken } }));
    expect(refreshed.status).toBe(200);
    expect((await call(api.url, 'POST', '/api/auth/refresh', { body: { refreshToken: signedIn.body.refreshToken } })).status).toBe(401);
    const again = keep(await call(api.url, 'POST', '/api/auth/login', { body: { email, password } }));

    // Password change: a wrong current password, then the real change; the old token is then refused.
    const newPassword = `second-${randomUUID()}`;
    secrets.push(newPassword);
    expect((await call(api.url, 'POST', '/api/me/password', { token: again.body.accessToken, body: { currentPassword: wrongPassword, newPassword } })).status).toBe(403);
    const changed = keep(await call(api.url, 'POST', '/api/me/password', { token: again.body.accessToken, body: { currentPassword: password, newPassword } }));
    expect(changed.status).toBe(200);
    expect((await call(api.url, 'GET', '/api/me', { token: again.body.accessToken })).status).toBe(401);
    keep(await call(api.url, 'POST', '/api/auth/logout', { body: { refreshToken: changed.body.refreshToken } }));

    // Grades: an import that is stored, one refused line by line (422), and the student reading theirs.
    const m = await newMentorship(api.url, ADMIN);
    secrets.push(m.admin.token, m.coordinator.token, m.coordinator.password, m.mentor.token, m.mentor.password, m.mentee.token, m.mentee.password, m.mentee.refreshToken);
    const gradeOf = (i: number): string => GRADES[i % GRADES.length] as string;
    const rows = [
      'student_email,assessment,taken_on,score,max_score',
      `${m.mentee.email},anatomy midterm,2026-01-15,${GRADES[0]},100`,
      `${m.mentee.email},physiology final,2026-06-15,${GRADES[1]},100`,
      `${m.mentor.email},anatomy midterm,2026-01-15,${GRADES[2]},100`,
    ].join('\n');
    const imported = await call(api.url, 'POST', `/api/programs/${m.programId}/academic-records/import`, { token: m.coordinator.token, csv: `${rows}\n` });
    expect(imported.status).toBe(200);
    const bulk = await call(api.url, 'POST', `/api/programs/${m.programId}/academic-records/import`, { token: m.coordinator.token, csv: gradesCsv(200, gradeOf) });
    expect(bulk.status).toBe(200);
    const refused = await call(api.url, 'POST', `/api/programs/${m.programId}/academic-records/import`, {
      token: m.coordinator.token,
      csv: `student_email,assessment,taken_on,score,max_score\n${m.mentee.email},histology,2026-13-40,${GRADES[3]},100\nnot-an-email,histology,2026-02-01,${GRADES[3]},50\n`,
    });
    expect(refused.status).toBe(422);
    expect((await call(api.url, 'GET', '/api/me/academic-records', { token: m.mentee.token })).status).toBe(200);
    expect((await call(api.url, 'GET', `/api/programs/${m.programId}/academic-records`, { token: m.coordinator.token })).status).toBe(200);
    expect((await call(api.url, 'GET', `/api/programs/${m.programId}/outcomes`, { token: m.coordinator.token })).status).toBe(200);

    // Chat: a message and its delivery, a refused send, an expired-style refresh attempt, a bad handshake.
    const body = `a private message ${randomUUID()}`;
    secrets.push(body);
    const mentor = await connectChat(api.url, m.mentor.token);
    const mentee = await connectChat(api.url, m.mentee.token);
    try {
      const seen: ChatMessage[] = [];
      mentee.on('message:new', (msg) => seen.push(msg));
      const ack = await mentor.timeout(5_000).emitWithAck('message:send', { conversationId: m.conversationId, body, clientMessageId: randomUUID() });
      expect(ack.ok).toBe(true);
      await waitFor(() => seen.length === 1, 'the message to arrive');
      const other = await register(api.url, 1);
      secrets.push(other.token, other.password);
      expect((await mentor.timeout(5_000).emitWithAck('auth:refresh', { token: other.token })).ok).toBe(false);
      await expect(connectChat(api.url, `${m.mentee.token.slice(0, -4)}AAAA`)).rejects.toBeDefined();
      expect((await call(api.url, 'GET', `/api/conversations/${m.conversationId}/messages`, { token: m.mentee.token })).status).toBe(200);
    } finally {
      mentor.close();
      mentee.close();
    }

    // The process really logged: every request is there (nothing in the app logs below debug today, but
    // anything that starts to will be checked here).
    await waitFor(() => api.lines.some((line) => line.includes('/api/conversations/')), 'the last request in the log');
    const log = api.lines.join('\n');
    expect(log).toContain('"url":"/api/auth/login"');
    expect(log).toContain('"url":"/api/me/password"');
    expect(log).toContain('/academic-records/import');

    // A refresh token is `<id>.<secret>`: the secret half must not appear either; an access token's
    // signature alone would be enough to recognise one.
    const pieces = secrets.flatMap((s) => (s.split('.').length === 2 ? [s, s.split('.')[1] as string] : s.split('.').length === 3 ? [s, s.split('.')[2] as string] : [s]));
    const leaks = [...pieces, ...GRADES].filter((secret) => secret.length >= 6 && log.includes(secret));
    expect(leaks).toEqual([]);
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
    expect(log).not.toMatch(/\$argon2id\$/);
    expect(log).not.toContain(m.mentee.email);
  }, 120_000);
});
