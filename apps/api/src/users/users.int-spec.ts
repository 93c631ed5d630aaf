import { newAdmin, newCoordinator, newStudent } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

describe('me, profile and staff accounts (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  describe('GET /api/me', () => {
    it('returns exactly the contract fields, never the hash', async () => {
      const s = await newStudent(t, { email: 'me@uni.example', fullName: 'Me Myself', yearOfStudy: 2 });
      const res = await t.http().get('/api/me').set(s.auth).expect(200);
      expect(res.body).toEqual({ id: s.user.id, email: 'me@uni.example', fullName: 'Me Myself', role: 'student', yearOfStudy: 2 });
    });
  });

  describe('PUT /api/me/profile', () => {
    const profile = { yearOfStudy: 2, interests: ['cardiology', ' research ', 'cardiology'], languages: ['English', 'Persian'], modalities: ['in_person', 'virtual'], campus: 'North campus' };

    it('saves a student profile, trimming and de-duplicating lists', async () => {
      const s = await newStudent(t);
      const res = await t.http().put('/api/me/profile').set(s.auth).send(profile).expect(200);
      expect(res.body).toMatchObject({ yearOfStudy: 2, interests: ['cardiology', 'research'], languages: ['English', 'Persian'], modalities: ['in_person', 'virtual'], campus: 'North campus' });
      const again = await t.http().get('/api/me/profile').set(s.auth).expect(200);
      expect(again.body.interests).toEqual(['cardiology', 'research']);
    });

    it.each([
      ['an unknown modality', { modalities: ['telepathy'] }],
      ['a modality twice', { modalities: ['virtual', 'virtual'] }],
      ['interests not a list', { interests: 'cardiology' }],
      ['a year of 0', { yearOfStudy: 0 }],
      ['a missing field', { campus: undefined }],
      ['a role slipped in', { role: 'admin' }],
    ])('answers 400 for %s', async (_label, patch) => {
      const s = await newStudent(t);
      await t.http().put('/api/me/profile').set(s.auth).send({ ...profile, ...patch }).expect(400);
    });

    it('answers 403 to staff, who have no mentoring profile', async () => {
      const c = await newCoordinator(t);
      await t.http().put('/api/me/profile').set(c.auth).send(profile).expect(403);
    });

    it('answers 401 when signed out', async () => {
      await t.http().put('/api/me/profile').send(profile).expect(401);
    });
  });

  describe('POST /api/users', () => {
    const staff = (o: Record<string, unknown> = {}): Record<string, unknown> => ({ email: 'new.coordinator@uni.example', password: 'a-long-password', fullName: 'New Coordinator', role: 'coordinator', ...o });

    it('lets an admin create a coordinator who can then sign in, and audits it', async () => {
      const a = await newAdmin(t);
      const res = await t.http().post('/api/users').set(a.auth).send(staff()).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), email: 'new.coordinator@uni.example', fullName: 'New Coordinator', role: 'coordinator', yearOfStudy: null });
      await t.http().post('/api/auth/login').send({ email: 'new.coordinator@uni.example', password: 'a-long-password' }).expect(200);
      const audit: Array<{ action: string; actor_id: string }> = await t.dataSource.query('SELECT action, actor_id FROM audit_log WHERE subject_user_id = $1', [res.body.id]);
      expect(audit).toEqual([{ action: 'user.create', actor_id: a.user.id }]);
    });

    it('answers 409 for a taken email', async () => {
      const a = await newAdmin(t);
      await newStudent(t, { email: 'dup@uni.example' });
      await t.http().post('/api/users').set(a.auth).send(staff({ email: 'dup@uni.example' })).expect(409);
    });

    it.each([['student'], ['superuser']])('answers 400 for role %p', async (role) => {
      const a = await newAdmin(t);
      await t.http().post('/api/users').set(a.auth).send(staff({ role, email: `r-${role}@uni.example` })).expect(400);
    });

    it('answers 403 to coordinators and students', async () => {
      const c = await newCoordinator(t);
      const s = await newStudent(t);
      await t.http().post('/api/users').set(c.auth).send(staff({ email: 'x1@uni.example' })).expect(403);
      await t.http().post('/api/users').set(s.auth).send(staff({ email: 'x2@uni.example' })).expect(403);
    });
  });

  describe('GET /api/users', () => {
    it('finds students by name or email for coordinators', async () => {
      const c = await newCoordinator(t);
      await newStudent(t, { fullName: 'Findable Farahani', email: 'findable@uni.example' });
      const res = await t.http().get('/api/users').query({ role: 'student', q: 'farah' }).set(c.auth).expect(200);
      expect(res.body).toEqual([{ id: expect.any(String), email: 'findable@uni.example', fullName: 'Findable Farahani', role: 'student', yearOfStudy: 1, deactivatedAt: null }]);
    });

    it('treats % and _ in the search literally', async () => {
      const c = await newCoordinator(t);
      const res = await t.http().get('/api/users').query({ q: '%' }).set(c.auth).expect(200);
      expect(res.body).toEqual([]);
    });

    it('answers 403 to students and 400 for an unknown role filter', async () => {
      const s = await newStudent(t);
      const c = await newCoordinator(t);
      await t.http().get('/api/users').set(s.auth).expect(403);
      await t.http().get('/api/users').query({ role: 'wizard' }).set(c.auth).expect(400);
    });
  });
});
