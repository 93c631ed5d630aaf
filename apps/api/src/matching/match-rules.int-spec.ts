import { EnrollmentRole, Modality } from '@pm/contracts';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

describe('matching rules, as a coordinator reads them (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  async function program(): Promise<{ coordinator: TestUser; programId: string }> {
    const coordinator = await newCoordinator(t);
    const p = await newProgram(t, coordinator);
    return { coordinator, programId: p.id };
  }

  describe('POST /api/programs/:id/mentorships names the rule a refused match broke', () => {
    const match = (c: TestUser, programId: string, mentee: TestUser, mentor: TestUser) =>
      t.http().post(`/api/programs/${programId}/mentorships`).set(c.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id });

    it('year of study', async () => {
      const { coordinator, programId } = await program();
      const mentor = await newMentor(t, { yearOfStudy: 2 });
      const mentee = await newMentee(t, { yearOfStudy: 2 });
      await enrol(t, programId, mentor, EnrollmentRole.Mentor);
      await enrol(t, programId, mentee, EnrollmentRole.Mentee);
      const res = await match(coordinator, programId, mentee, mentor).expect(400);
      expect(res.body).toMatchObject({ code: 'NOT_ELIGIBLE', rule: 'year', mentorYear: 2, menteeYear: 2 });
    });

    it('shared modality', async () => {
      const { coordinator, programId } = await program();
      const mentor = await newMentor(t, { modalities: [Modality.Virtual] });
      const mentee = await newMentee(t, { modalities: [Modality.InPerson] });
      await enrol(t, programId, mentor, EnrollmentRole.Mentor);
      await enrol(t, programId, mentee, EnrollmentRole.Mentee);
      const res = await match(coordinator, programId, mentee, mentor).expect(400);
      expect(res.body).toMatchObject({ code: 'NOT_ELIGIBLE', rule: 'modality' });
    });

    it('exclusion, capacity and already matched', async () => {
      const { coordinator, programId } = await program();
      const mentor = await newMentor(t);
      const [a, b, c] = [await newMentee(t), await newMentee(t), await newMentee(t)];
      await enrol(t, programId, mentor, EnrollmentRole.Mentor, 1);
      for (const m of [a, b, c]) await enrol(t, programId, m, EnrollmentRole.Mentee);
      await t.http().post(`/api/programs/${programId}/exclusions`).set(coordinator.auth).send({ menteeId: c.user.id, mentorId: mentor.user.id }).expect(201);
      expect((await match(coordinator, programId, c, mentor).expect(400)).body).toMatchObject({ code: 'PAIR_EXCLUDED', rule: 'excluded' });
      await match(coordinator, programId, a, mentor).expect(201);
      expect((await match(coordinator, programId, a, mentor).expect(409)).body).toMatchObject({ code: 'MENTEE_ALREADY_MATCHED', rule: 'already_matched' });
      expect((await match(coordinator, programId, b, mentor).expect(409)).body).toMatchObject({ code: 'MENTOR_FULL', rule: 'capacity', capacity: 1 });
    });
  });

  describe('why a mentee is unmatched', () => {
    it('stays "eligible mentors full" after the pairs that filled them are committed', async () => {
      const { coordinator, programId } = await program();
      const mentor = await newMentor(t);
      const first = await newMentee(t, { fullName: 'First' });
      const second = await newMentee(t, { fullName: 'Second' });
      await enrol(t, programId, mentor, EnrollmentRole.Mentor, 1);
      await enrol(t, programId, first, EnrollmentRole.Mentee);
      await enrol(t, programId, second, EnrollmentRole.Mentee);
      const url = `/api/programs/${programId}/matching-runs`;
      const before = await t.http().post(url).set(coordinator.auth).send({ algorithm: 'optimal' }).expect(201);
      expect(before.body.unmatched).toEqual([expect.objectContaining({ reason: 'eligible_mentors_full' })]);
      const left = before.body.unmatched[0].menteeId as string;
      await t.http().post(`${url}/${before.body.id}/commit`).set(coordinator.auth).expect(201);
      for (const algorithm of ['optimal', 'stable']) {
        const after = await t.http().post(url).set(coordinator.auth).send({ algorithm }).expect(201);
        expect(after.body.unmatched).toEqual([expect.objectContaining({ menteeId: left, reason: 'eligible_mentors_full' })]);
      }
    });

    it('says "no eligible mentor" when the only mentor is excluded, full or not', async () => {
      const { coordinator, programId } = await program();
      const mentor = await newMentor(t);
      const mentee = await newMentee(t);
      await enrol(t, programId, mentor, EnrollmentRole.Mentor, 1);
      await enrol(t, programId, mentee, EnrollmentRole.Mentee);
      await t.http().post(`/api/programs/${programId}/exclusions`).set(coordinator.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id }).expect(201);
      const res = await t.http().post(`/api/programs/${programId}/matching-runs`).set(coordinator.auth).send({ algorithm: 'stable' }).expect(201);
      expect(res.body.unmatched).toEqual([expect.objectContaining({ menteeId: mentee.user.id, reason: 'no_eligible_mentor' })]);
    });
  });
});
