import { EnrollmentRole } from '@pm/contracts';
import { enrol, newAdmin, newCoordinator, newMentee, newMentor, newProgram } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

describe('programs (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const program = { name: 'Peer mentoring 2026', timezone: 'Asia/Tehran', startsOn: '2026-10-01', endsOn: '2027-06-30' };

  describe('POST /api/programs', () => {
    it('creates a program whose creator coordinates it', async () => {
      const c = await newCoordinator(t);
      const res = await t.http().post('/api/programs').set(c.auth).send(program).expect(201);
      expect(res.body).toMatchObject({ ...program, id: expect.any(String), myRelations: ['coordinator'], counts: { mentors: 0, mentees: 0, coordinators: 1 } });
      const list = await t.http().get('/api/programs').set(c.auth).expect(200);
      expect(list.body.map((p: { id: string }) => p.id)).toEqual([res.body.id]);
    });

    it.each([
      ['an unknown time zone', { timezone: 'Mars/Olympus' }],
      ['a non-date', { startsOn: '2026-13-45' }],
      ['a date with a time', { startsOn: '2026-10-01T00:00:00Z' }],
      ['a blank name', { name: '  ' }],
      ['an unknown field', { coordinatorId: 'x' }],
    ])('answers 400 for %s', async (_label, patch) => {
      const c = await newCoordinator(t);
      await t.http().post('/api/programs').set(c.auth).send({ ...program, ...patch }).expect(400);
    });

    it('answers 400 when it ends before it starts', async () => {
      const c = await newCoordinator(t);
      const res = await t.http().post('/api/programs').set(c.auth).send({ ...program, endsOn: '2026-09-30' }).expect(400);
      expect(res.body.code).toBe('INVALID_DATE_RANGE');
    });

    it('answers 403 to students', async () => {
      const s = await newMentee(t);
      await t.http().post('/api/programs').set(s.auth).send(program).expect(403);
    });
  });

  describe('enrolments', () => {
    it('enrols mentors (capacity defaults to 3) and mentees, and lists them', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const mentor = await newMentor(t, { fullName: 'Ali Mentor' });
      const mentee = await newMentee(t, { fullName: 'Bita Mentee' });
      const m1 = await t.http().post(`/api/programs/${p.id}/enrollments`).set(c.auth).send({ userId: mentor.user.id, role: 'mentor' }).expect(201);
      expect(m1.body).toMatchObject({ programId: p.id, userId: mentor.user.id, role: 'mentor', capacity: 3, fullName: 'Ali Mentor' });
      await t.http().post(`/api/programs/${p.id}/enrollments`).set(c.auth).send({ userId: mentee.user.id, role: 'mentee' }).expect(201);
      const list = await t.http().get(`/api/programs/${p.id}/enrollments`).set(c.auth).expect(200);
      expect(list.body.map((e: { role: string; capacity: number | null }) => [e.role, e.capacity])).toEqual([['mentor', 3], ['mentee', null]]);
      const detail = await t.http().get(`/api/programs/${p.id}`).set(c.auth).expect(200);
      expect(detail.body.counts).toEqual({ mentors: 1, mentees: 1, coordinators: 1 });
    });

    it('shows enrolled students their programs with their role', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const mentee = await newMentee(t);
      await enrol(t, p.id, mentee, EnrollmentRole.Mentee);
      const res = await t.http().get('/api/programs').set(mentee.auth).expect(200);
      expect(res.body).toEqual([expect.objectContaining({ id: p.id, myRelations: ['mentee'] })]);
      await t.http().get(`/api/programs/${p.id}`).set(mentee.auth).expect(200);
      // A mentee may see the program but not its roster.
      await t.http().get(`/api/programs/${p.id}/enrollments`).set(mentee.auth).expect(403);
    });

    it('answers 409 for a second enrolment of the same student', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const s = await newMentor(t);
      await t.http().post(`/api/programs/${p.id}/enrollments`).set(c.auth).send({ userId: s.user.id, role: 'mentor', capacity: 2 }).expect(201);
      await t.http().post(`/api/programs/${p.id}/enrollments`).set(c.auth).send({ userId: s.user.id, role: 'mentee' }).expect(409);
    });

    it.each([
      ['an unknown role', { role: 'sidekick' }],
      ['a capacity of 0', { role: 'mentor', capacity: 0 }],
      ['a capacity for a mentee', { role: 'mentee', capacity: 2 }],
      ['a userId that is not a uuid', { userId: 'abc' }],
    ])('answers 400 for %s', async (_label, patch) => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const s = await newMentor(t);
      await t.http().post(`/api/programs/${p.id}/enrollments`).set(c.auth).send({ userId: s.user.id, role: 'mentor', ...patch }).expect(400);
    });

    it('answers 400 for an unknown user or a staff account', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const other = await newCoordinator(t);
      const unknown = await t.http().post(`/api/programs/${p.id}/enrollments`).set(c.auth).send({ userId: '6f1c1d5e-0000-4000-8000-000000000000', role: 'mentee' }).expect(400);
      expect(unknown.body.code).toBe('USER_NOT_FOUND');
      const staff = await t.http().post(`/api/programs/${p.id}/enrollments`).set(c.auth).send({ userId: other.user.id, role: 'mentee' }).expect(400);
      expect(staff.body.code).toBe('NOT_A_STUDENT');
    });
  });

  describe('another coordinator', () => {
    it('gets 404 for every route of a program that is not theirs, exactly like a missing one', async () => {
      const owner = await newCoordinator(t);
      const stranger = await newCoordinator(t);
      const p = await newProgram(t, owner);
      const s = await newMentee(t);
      const missing = '6f1c1d5e-0000-4000-8000-000000000000';
      for (const id of [p.id, missing, 'not-a-uuid']) {
        const got = await t.http().get(`/api/programs/${id}`).set(stranger.auth).expect(404);
        expect(got.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Program not found', code: 'PROGRAM_NOT_FOUND' });
        await t.http().get(`/api/programs/${id}/enrollments`).set(stranger.auth).expect(404);
        await t.http().post(`/api/programs/${id}/enrollments`).set(stranger.auth).send({ userId: s.user.id, role: 'mentee' }).expect(404);
        await t.http().post(`/api/programs/${id}/coordinators`).set(stranger.auth).send({ userId: stranger.user.id }).expect(404);
      }
      const list = await t.http().get('/api/programs').set(stranger.auth).expect(200);
      expect(list.body).toEqual([]);
    });
  });

  describe('coordinators', () => {
    it('a coordinator adds a colleague, who then manages the program; twice is 409', async () => {
      const c = await newCoordinator(t);
      const colleague = await newCoordinator(t, { fullName: 'Colleague' });
      const p = await newProgram(t, c);
      await t.http().post(`/api/programs/${p.id}/coordinators`).set(c.auth).send({ userId: colleague.user.id }).expect(201);
      await t.http().post(`/api/programs/${p.id}/coordinators`).set(c.auth).send({ userId: colleague.user.id }).expect(409);
      await t.http().get(`/api/programs/${p.id}/enrollments`).set(colleague.auth).expect(200);
      const list = await t.http().get(`/api/programs/${p.id}/coordinators`).set(colleague.auth).expect(200);
      expect(list.body).toHaveLength(2);
    });

    it('an admin may staff any program but a student cannot coordinate', async () => {
      const c = await newCoordinator(t);
      const a = await newAdmin(t);
      const s = await newMentor(t);
      const p = await newProgram(t, c);
      const other = await newCoordinator(t);
      await t.http().post(`/api/programs/${p.id}/coordinators`).set(a.auth).send({ userId: other.user.id }).expect(201);
      const res = await t.http().post(`/api/programs/${p.id}/coordinators`).set(c.auth).send({ userId: s.user.id }).expect(400);
      expect(res.body.code).toBe('NOT_STAFF');
      const all = await t.http().get('/api/programs').set(a.auth).expect(200);
      expect(all.body.map((x: { id: string }) => x.id)).toContain(p.id);
    });
  });
});
