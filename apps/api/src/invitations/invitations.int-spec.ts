import { newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

const HEADER = 'email,full_name,year_of_study,role,capacity';

describe('invitations and join codes (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  async function invite(c: TestUser, programId: string, email: string): Promise<{ id: string; url: string; token: string }> {
    await t.http().post(`/api/programs/${programId}/roster/import`).set(c.auth).set('Content-Type', 'text/csv').send(`${HEADER}\n${email},Invited Person,1,mentee,\n`).expect(200);
    const list = await t.http().get(`/api/programs/${programId}/invitations`).set(c.auth).expect(200);
    const found = (list.body as Array<{ id: string; email: string; url?: string; status: string }>).find((i) => i.email === email);
    if (!found?.url) throw new Error('no pending invitation');
    return { id: found.id, url: found.url, token: new URL(found.url).searchParams.get('token') as string };
  }

  describe('invitations', () => {
    it('lets the invited person set a password once, sign in, and land on the program', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c, { name: 'Cohort 2026' });
      const inv = await invite(c, p.id, 'invited@uni.example');
      expect(inv.url).toMatch(/\/invite\?token=[A-Za-z0-9_-]{43}$/);
      // Only the token's hash is stored.
      const stored: Array<{ token_hash: string }> = await t.dataSource.query('SELECT token_hash FROM invitation WHERE id = $1', [inv.id]);
      expect(stored[0]?.token_hash).not.toContain(inv.token);

      const preview = await t.http().get(`/api/auth/invitations/${inv.token}`).expect(200);
      expect(preview.body).toEqual({ email: 'invited@uni.example', fullName: 'Invited Person', programId: p.id, programName: 'Cohort 2026', role: 'mentee' });
      // No password yet: signing in is refused like any wrong password.
      await t.http().post('/api/auth/login').send({ email: 'invited@uni.example', password: 'whatever-password' }).expect(401);

      const accepted = await t.http().post('/api/auth/invitations/accept').send({ token: inv.token, password: 'a-new-password-1' }).expect(200);
      expect(accepted.body).toMatchObject({ user: { email: 'invited@uni.example', role: 'student' }, accessToken: expect.any(String), refreshToken: expect.any(String), programId: p.id });
      const programs = await t.http().get('/api/programs').set({ Authorization: `Bearer ${accepted.body.accessToken}` }).expect(200);
      expect(programs.body.map((x: { id: string }) => x.id)).toEqual([p.id]);
      await t.http().post('/api/auth/login').send({ email: 'invited@uni.example', password: 'a-new-password-1' }).expect(200);

      // Single use.
      const reuse = await t.http().post('/api/auth/invitations/accept').send({ token: inv.token, password: 'another-password-2' }).expect(404);
      expect(reuse.body.code).toBe('INVITATION_NOT_FOUND');
      await t.http().get(`/api/auth/invitations/${inv.token}`).expect(404);
      const list = await t.http().get(`/api/programs/${p.id}/invitations`).query({ status: 'accepted' }).set(c.auth).expect(200);
      expect(list.body).toEqual([expect.objectContaining({ email: 'invited@uni.example', status: 'accepted' })]);
      expect(list.body[0]).not.toHaveProperty('url');
    });

    it('answers 404 for an expired link, and a resend gives a fresh one that works while the old one stays dead', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const inv = await invite(c, p.id, 'late@uni.example');
      await t.dataSource.query("UPDATE invitation SET created_at = now() - interval '15 days', expires_at = now() - interval '1 day' WHERE id = $1", [inv.id]);
      const expired = await t.http().post('/api/auth/invitations/accept').send({ token: inv.token, password: 'a-new-password-1' }).expect(404);
      expect(expired.body.code).toBe('INVITATION_NOT_FOUND');
      const listed = await t.http().get(`/api/programs/${p.id}/invitations`).query({ status: 'expired' }).set(c.auth).expect(200);
      expect(listed.body.map((i: { email: string }) => i.email)).toEqual(['late@uni.example']);

      const resent = await t.http().post(`/api/programs/${p.id}/invitations/${inv.id}/resend`).set(c.auth).expect(200);
      expect(resent.body).toMatchObject({ status: 'pending', url: expect.stringContaining('/invite?token=') });
      const fresh = new URL(resent.body.url as string).searchParams.get('token') as string;
      expect(fresh).not.toBe(inv.token);
      await t.http().post('/api/auth/invitations/accept').send({ token: inv.token, password: 'a-new-password-1' }).expect(404);
      await t.http().post('/api/auth/invitations/accept').send({ token: fresh, password: 'a-new-password-1' }).expect(200);
    });

    it('answers 404 for an unknown token and 400 for a short password', async () => {
      await t.http().post('/api/auth/invitations/accept').send({ token: 'A'.repeat(43), password: 'a-new-password-1' }).expect(404);
      await t.http().post('/api/auth/invitations/accept').send({ token: 'nonsense', password: 'a-new-password-1' }).expect(404);
      await t.http().post('/api/auth/invitations/accept').send({ token: 'A'.repeat(43), password: 'short' }).expect(400);
    });

    it('notifies each invited person with their link (an `invitation` notification, mailed where configured)', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c, { name: 'Notified cohort' });
      const inv = await invite(c, p.id, 'notified@uni.example');
      let rows: Array<{ params: { url: string; program: string } }> = [];
      for (let i = 0; i < 60 && rows.length === 0; i++) {
        rows = await t.dataSource.query("SELECT n.params FROM notification n JOIN app_user u ON u.id = n.recipient_id WHERE u.email = 'notified@uni.example' AND n.kind = 'invitation'");
        if (rows.length === 0) await new Promise((r) => setTimeout(r, 250));
      }
      expect(rows).toHaveLength(1);
      expect(rows[0]?.params).toMatchObject({ program: 'Notified cohort', url: expect.stringContaining(`/invite?token=${inv.token}`) });
      const listed = await t.http().get(`/api/programs/${p.id}/invitations`).set(c.auth).expect(200);
      expect(listed.body[0].sentAt).toEqual(expect.any(String));
    });

    it('shows invitations to the program’s coordinators only', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const other = await newCoordinator(t);
      await t.http().get(`/api/programs/${p.id}/invitations`).set(other.auth).expect(404);
      const s = await newMentee(t);
      await t.http().get(`/api/programs/${p.id}/invitations`).set(s.auth).expect(403);
    });
  });

  describe('join codes', () => {
    it('enrols a signed-in student who joins with a code; a second join is 409; a revoked code is 404', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c, { name: 'Lecture hall' });
      const created = await t.http().post(`/api/programs/${p.id}/join-codes`).set(c.auth).send({ role: 'mentor' }).expect(201);
      expect(created.body).toMatchObject({ code: expect.stringMatching(/^[A-Z2-9]{8}$/), url: expect.stringContaining('/join?code='), role: 'mentor' });
      const code = created.body.code as string;

      const s = await newMentor(t);
      const preview = await t.http().get(`/api/join-codes/${code.toLowerCase()}`).set(s.auth).expect(200);
      expect(preview.body).toEqual({ code, programId: p.id, programName: 'Lecture hall', role: 'mentor', alreadyEnrolled: false });
      const joined = await t.http().post('/api/join').set(s.auth).send({ code: `${code.slice(0, 4)}-${code.slice(4)}` }).expect(201);
      expect(joined.body).toEqual({ programId: p.id, role: 'mentor' });
      const rows: Array<{ role: string; capacity: number }> = await t.dataSource.query('SELECT role, capacity FROM enrollment WHERE program_id = $1 AND user_id = $2', [p.id, s.user.id]);
      expect(rows).toEqual([{ role: 'mentor', capacity: 3 }]);
      const again = await t.http().post('/api/join').set(s.auth).send({ code }).expect(409);
      expect(again.body.code).toBe('ALREADY_ENROLLED');
      expect((await t.http().get(`/api/join-codes/${code}`).set(s.auth).expect(200)).body.alreadyEnrolled).toBe(true);

      const listed = await t.http().get(`/api/programs/${p.id}/join-codes`).set(c.auth).expect(200);
      expect(listed.body.map((j: { code: string }) => j.code)).toEqual([code]);
      await t.http().delete(`/api/programs/${p.id}/join-codes/${code}`).set(c.auth).expect(204);
      const late = await newMentee(t);
      const revoked = await t.http().post('/api/join').set(late.auth).send({ code }).expect(404);
      expect(revoked.body.code).toBe('JOIN_CODE_NOT_FOUND');
      await t.http().delete(`/api/programs/${p.id}/join-codes/${code}`).set(c.auth).expect(404);
      expect((await t.http().get(`/api/programs/${p.id}/join-codes`).set(c.auth).expect(200)).body).toEqual([]);
    });

    it('is made by the program’s coordinators only, and only students join', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const other = await newCoordinator(t);
      await t.http().post(`/api/programs/${p.id}/join-codes`).set(other.auth).send({ role: 'mentee' }).expect(404);
      const s = await newMentee(t);
      await t.http().post(`/api/programs/${p.id}/join-codes`).set(s.auth).send({ role: 'mentee' }).expect(403);
      await t.http().post(`/api/programs/${p.id}/join-codes`).set(c.auth).send({ role: 'sidekick' }).expect(400);
      const code = (await t.http().post(`/api/programs/${p.id}/join-codes`).set(c.auth).send({ role: 'mentee' }).expect(201)).body.code as string;
      await t.http().post('/api/join').set(c.auth).send({ code }).expect(403);
    });
  });

  describe('program settings', () => {
    it('edits name, dates and time zone with the dates kept in order, audits the change, and a closed program is read-only', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c, { name: 'Before', startsOn: '2026-10-01', endsOn: '2027-06-30' });
      const res = await t.http().patch(`/api/programs/${p.id}`).set(c.auth).send({ name: 'After', startsOn: '2026-11-01', timezone: 'Asia/Tehran' }).expect(200);
      expect(res.body).toMatchObject({ name: 'After', startsOn: '2026-11-01', endsOn: '2027-06-30', timezone: 'Asia/Tehran', closedAt: null });
      const bad = await t.http().patch(`/api/programs/${p.id}`).set(c.auth).send({ endsOn: '2026-10-15' }).expect(400);
      expect(bad.body.code).toBe('INVALID_DATE_RANGE');
      await t.http().patch(`/api/programs/${p.id}`).set(c.auth).send({ timezone: 'Mars/Olympus' }).expect(400);
      const audit: Array<{ details: Record<string, string> }> = await t.dataSource.query("SELECT details FROM audit_log WHERE program_id = $1 AND action = 'program.update'", [p.id]);
      expect(audit).toEqual([{ details: expect.objectContaining({ startsOnBefore: '2026-10-01', startsOnAfter: '2026-11-01' }) }]);

      const code = (await t.http().post(`/api/programs/${p.id}/join-codes`).set(c.auth).send({ role: 'mentee' }).expect(201)).body.code as string;
      const mismatch = await t.http().post(`/api/programs/${p.id}/close`).set(c.auth).send({ confirmName: 'Before' }).expect(400);
      expect(mismatch.body.code).toBe('CLOSE_CONFIRMATION_MISMATCH');
      const closed = await t.http().post(`/api/programs/${p.id}/close`).set(c.auth).send({ confirmName: 'After' }).expect(200);
      expect(closed.body.closedAt).toEqual(expect.any(String));
      expect((await t.http().patch(`/api/programs/${p.id}`).set(c.auth).send({ name: 'Again' }).expect(409)).body.code).toBe('PROGRAM_CLOSED');
      const csv = `${HEADER}\nx@uni.example,X,1,mentee,\n`;
      expect((await t.http().post(`/api/programs/${p.id}/roster/import`).set(c.auth).set('Content-Type', 'text/csv').send(csv).expect(409)).body.code).toBe('PROGRAM_CLOSED');
      await t.http().post(`/api/programs/${p.id}/join-codes`).set(c.auth).send({ role: 'mentee' }).expect(409);
      const s = await newMentee(t);
      await t.http().post('/api/join').set(s.auth).send({ code }).expect(404);
      const late = await newMentee(t);
      expect((await t.http().post(`/api/programs/${p.id}/enrollments`).set(c.auth).send({ userId: late.user.id, role: 'mentee' }).expect(409)).body.code).toBe('PROGRAM_CLOSED');
    });

    it('is for the program’s coordinators only', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const other = await newCoordinator(t);
      await t.http().patch(`/api/programs/${p.id}`).set(other.auth).send({ name: 'Mine' }).expect(404);
      const s = await newMentee(t);
      await t.http().patch(`/api/programs/${p.id}`).set(s.auth).send({ name: 'Mine' }).expect(403);
      await t.http().post(`/api/programs/${p.id}/close`).set(other.auth).send({ confirmName: 'Test program' }).expect(404);
    });
  });
});
