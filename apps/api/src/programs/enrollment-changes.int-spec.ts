import { EnrollmentRole } from '@pm/contracts';
import { enrol, newAdmin, newCoordinator, newMentee, newMentor, newProgram } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

describe('changing enrolments and staffing programs (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  async function pairedProgram() {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator);
    const mentor = await newMentor(t);
    const mentee = await newMentee(t);
    const mentorEnrollment = await enrol(t, program.id, mentor, EnrollmentRole.Mentor, 3);
    const menteeEnrollment = await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
    const pair = await t.http().post(`/api/programs/${program.id}/mentorships`).set(coordinator.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id }).expect(201);
    return { coordinator, program, mentor, mentee, mentorEnrollment, menteeEnrollment, mentorshipId: pair.body.id as string };
  }

  describe('the enrolment list', () => {
    it('gives each person their modalities and their active mentorships', async () => {
      const { coordinator, program, mentor, mentee } = await pairedProgram();
      const other = await newMentee(t);
      await enrol(t, program.id, other, EnrollmentRole.Mentee);
      const res = await t.http().get(`/api/programs/${program.id}/enrollments`).set(coordinator.auth).expect(200);
      const byUser = new Map(res.body.map((e: { userId: string }) => [e.userId, e]));
      expect(byUser.get(mentor.user.id)).toMatchObject({ activeMentorships: 1, capacity: 3, modalities: mentor.user.modalities });
      expect(byUser.get(mentee.user.id)).toMatchObject({ activeMentorships: 1 });
      expect(byUser.get(other.user.id)).toMatchObject({ activeMentorships: 0 });
    });
  });

  describe('PATCH /api/programs/:id/enrollments/:enrollmentId', () => {
    it("changes a mentor's capacity and records who did it", async () => {
      const { coordinator, program, mentor, mentorEnrollment } = await pairedProgram();
      const res = await t.http().patch(`/api/programs/${program.id}/enrollments/${mentorEnrollment.id}`).set(coordinator.auth).send({ capacity: 5 }).expect(200);
      expect(res.body).toMatchObject({ id: mentorEnrollment.id, capacity: 5, activeMentorships: 1 });
      const audit: Array<{ action: string; details: Record<string, unknown> }> = await t.dataSource.query(
        'SELECT action, details FROM audit_log WHERE program_id = $1 AND subject_user_id = $2',
        [program.id, mentor.user.id],
      );
      expect(audit).toEqual([{ action: 'enrollment.capacity', details: { from: 3, to: 5 } }]);
    });

    it('refuses a capacity below the mentees the mentor has now (409), and accepts it equal to them', async () => {
      const { coordinator, program, mentorEnrollment } = await pairedProgram();
      const url = `/api/programs/${program.id}/enrollments/${mentorEnrollment.id}`;
      // Two active mentees: one more pair.
      const second = await newMentee(t);
      await enrol(t, program.id, second, EnrollmentRole.Mentee);
      await t.http().post(`/api/programs/${program.id}/mentorships`).set(coordinator.auth).send({ menteeId: second.user.id, mentorId: mentorEnrollment.userId }).expect(201);
      const refused = await t.http().patch(url).set(coordinator.auth).send({ capacity: 1 }).expect(409);
      expect(refused.body).toMatchObject({ code: 'CAPACITY_BELOW_LOAD', active: 2 });
      await t.http().patch(url).set(coordinator.auth).send({ capacity: 2 }).expect(200);
    });

    it.each([
      ['zero', { capacity: 0 }],
      ['more than 20', { capacity: 21 }],
      ['a fraction', { capacity: 2.5 }],
      ['nothing', {}],
    ])('answers 400 for %s', async (_label, body) => {
      const { coordinator, program, mentorEnrollment } = await pairedProgram();
      await t.http().patch(`/api/programs/${program.id}/enrollments/${mentorEnrollment.id}`).set(coordinator.auth).send(body).expect(400);
    });

    it("answers 400 for a mentee's enrolment and 404 for one of another program", async () => {
      const a = await pairedProgram();
      const b = await pairedProgram();
      const mentee = await t.http().patch(`/api/programs/${a.program.id}/enrollments/${a.menteeEnrollment.id}`).set(a.coordinator.auth).send({ capacity: 2 }).expect(400);
      expect(mentee.body.code).toBe('CAPACITY_ONLY_FOR_MENTORS');
      const elsewhere = await t.http().patch(`/api/programs/${a.program.id}/enrollments/${b.mentorEnrollment.id}`).set(a.coordinator.auth).send({ capacity: 2 }).expect(404);
      expect(elsewhere.body.code).toBe('ENROLLMENT_NOT_FOUND');
      // The other program's coordinator cannot reach program A at all.
      const outsider = await t.http().patch(`/api/programs/${a.program.id}/enrollments/${a.mentorEnrollment.id}`).set(b.coordinator.auth).send({ capacity: 2 }).expect(404);
      expect(outsider.body.code).toBe('PROGRAM_NOT_FOUND');
    });
  });

  describe('DELETE /api/programs/:id/enrollments/:enrollmentId', () => {
    it('refuses while the student is in an active mentorship, then removes them once it has ended', async () => {
      const { coordinator, program, mentee, menteeEnrollment, mentorshipId } = await pairedProgram();
      const url = `/api/programs/${program.id}/enrollments/${menteeEnrollment.id}`;
      const refused = await t.http().delete(url).set(coordinator.auth).expect(409);
      expect(refused.body.code).toBe('ENROLLMENT_HAS_ACTIVE_MENTORSHIP');
      await t.http().post(`/api/programs/${program.id}/mentorships/${mentorshipId}/end`).set(coordinator.auth).send({ reason: 'Left the school' }).expect(200);
      await t.http().delete(url).set(coordinator.auth).expect(204);
      const list = await t.http().get(`/api/programs/${program.id}/enrollments`).set(coordinator.auth).expect(200);
      expect(list.body.map((e: { userId: string }) => e.userId)).not.toContain(mentee.user.id);
      // The ended pair stays as history.
      const pairs = await t.http().get(`/api/programs/${program.id}/mentorships`).set(coordinator.auth).expect(200);
      expect(pairs.body).toEqual([expect.objectContaining({ id: mentorshipId, status: 'ended' })]);
      await t.http().delete(url).set(coordinator.auth).expect(404);
    });

    it('refuses for a mentor with mentees, and removes an unmatched student with their ranking and exclusions', async () => {
      const { coordinator, program, mentor, mentorEnrollment } = await pairedProgram();
      await t.http().delete(`/api/programs/${program.id}/enrollments/${mentorEnrollment.id}`).set(coordinator.auth).expect(409);
      const loner = await newMentee(t);
      const lonerEnrollment = await enrol(t, program.id, loner, EnrollmentRole.Mentee);
      await t.http().post(`/api/programs/${program.id}/preferences`).set(loner.auth).send({ rankedUserIds: [mentor.user.id] }).expect(200);
      await t.http().post(`/api/programs/${program.id}/exclusions`).set(coordinator.auth).send({ menteeId: loner.user.id, mentorId: mentor.user.id }).expect(201);
      await t.http().delete(`/api/programs/${program.id}/enrollments/${lonerEnrollment.id}`).set(coordinator.auth).expect(204);
      const left: Array<{ n: number }> = await t.dataSource.query(
        `SELECT (SELECT count(*) FROM match_preference WHERE user_id = $1) + (SELECT count(*) FROM match_exclusion WHERE mentee_id = $1) AS n`,
        [loner.user.id],
      );
      expect(Number(left[0]?.n)).toBe(0);
    });
  });

  describe('an admin staffing a program', () => {
    it('sees the program and its coordinators, adds a coordinator (audited), but not the roster', async () => {
      const coordinator = await newCoordinator(t);
      const program = await newProgram(t, coordinator);
      const admin = await newAdmin(t);
      const second = await newCoordinator(t, { fullName: 'Second Coordinator' });
      const detail = await t.http().get(`/api/programs/${program.id}`).set(admin.auth).expect(200);
      expect(detail.body.myRelations).toEqual([]);
      await t.http().post(`/api/programs/${program.id}/coordinators`).set(admin.auth).send({ userId: second.user.id }).expect(201);
      const list = await t.http().get(`/api/programs/${program.id}/coordinators`).set(admin.auth).expect(200);
      expect(list.body.map((c: { userId: string }) => c.userId).sort()).toEqual([coordinator.user.id, second.user.id].sort());
      const audit: Array<{ actor_id: string; action: string }> = await t.dataSource.query(
        'SELECT actor_id, action FROM audit_log WHERE program_id = $1 AND subject_user_id = $2',
        [program.id, second.user.id],
      );
      expect(audit).toEqual([{ actor_id: admin.user.id, action: 'program.coordinator.add' }]);
      await t.http().get(`/api/programs/${program.id}/enrollments`).set(admin.auth).expect(404);
      // The new coordinator now runs it.
      await t.http().get(`/api/programs/${program.id}/enrollments`).set(second.auth).expect(200);
    });
  });

  describe('the staff directory', () => {
    it('tells whether each account is deactivated', async () => {
      const admin = await newAdmin(t);
      const coordinator = await newCoordinator(t, { fullName: 'Zz Deactivated Coordinator' });
      await t.http().post(`/api/users/${coordinator.user.id}/deactivate`).set(admin.auth).expect(200);
      const res = await t.http().get('/api/users').query({ role: 'coordinator', q: 'Zz Deactivated' }).set(admin.auth).expect(200);
      expect(res.body).toEqual([expect.objectContaining({ id: coordinator.user.id, deactivatedAt: expect.any(String) })]);
      await t.http().post(`/api/users/${coordinator.user.id}/reactivate`).set(admin.auth).expect(200);
      const again = await t.http().get('/api/users').query({ role: 'coordinator', q: 'Zz Deactivated' }).set(admin.auth).expect(200);
      expect(again.body).toEqual([expect.objectContaining({ id: coordinator.user.id, deactivatedAt: null })]);
    });
  });
});
