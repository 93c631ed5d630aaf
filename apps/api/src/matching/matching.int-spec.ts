import { DEFAULT_MATCHING_WEIGHTS, EnrollmentRole, Modality } from '@pm/contracts';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, nth, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

describe('matching (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  /** A program with `mentors` (year 4, capacity each) and `mentees` (year 1), everyone sharing both modalities. */
  async function setUp(mentorCount: number, menteeCount: number, capacity = 2): Promise<{ coordinator: TestUser; programId: string; mentors: TestUser[]; mentees: TestUser[] }> {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator);
    const mentors: TestUser[] = [];
    const mentees: TestUser[] = [];
    for (let i = 0; i < mentorCount; i++) {
      const m = await newMentor(t, { fullName: `Mentor ${i}`, interests: ['cardiology'] });
      await enrol(t, program.id, m, EnrollmentRole.Mentor, capacity);
      mentors.push(m);
    }
    for (let i = 0; i < menteeCount; i++) {
      const m = await newMentee(t, { fullName: `Mentee ${i}`, interests: i % 2 === 0 ? ['cardiology'] : ['surgery'] });
      await enrol(t, program.id, m, EnrollmentRole.Mentee);
      mentees.push(m);
    }
    return { coordinator, programId: program.id, mentors, mentees };
  }

  describe('POST /api/programs/:id/matching-runs', () => {
    it.each(['optimal', 'stable'])('previews a %s run without committing anything', async (algorithm) => {
      const { coordinator, programId, mentees } = await setUp(2, 4);
      const res = await t.http().post(`/api/programs/${programId}/matching-runs`).set(coordinator.auth).send({ algorithm }).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(String), algorithm, status: 'preview', unmatchedMenteeIds: [] });
      expect(res.body.assignments).toHaveLength(4);
      expect(new Set(res.body.assignments.map((a: { menteeId: string }) => a.menteeId))).toEqual(new Set(mentees.map((m) => m.user.id)));
      for (const a of res.body.assignments) {
        expect(typeof a.score).toBe('number');
        expect(a.reasons.length).toBeGreaterThan(0);
        expect(a.reasons.every((r: unknown) => typeof r === 'string')).toBe(true);
      }
      const committed = await t.http().get(`/api/programs/${programId}/mentorships`).set(coordinator.auth).expect(200);
      expect(committed.body).toEqual([]);
    });

    it('reports every mentee unmatched, with the reason, in a program with no mentors', async () => {
      const { coordinator, programId, mentees } = await setUp(0, 3);
      const res = await t.http().post(`/api/programs/${programId}/matching-runs`).set(coordinator.auth).send({ algorithm: 'optimal' }).expect(201);
      expect(res.body.assignments).toEqual([]);
      expect([...res.body.unmatchedMenteeIds].sort()).toEqual(mentees.map((m) => m.user.id).sort());
      expect(res.body.unmatched.every((u: { reason: string }) => u.reason === 'no_eligible_mentor')).toBe(true);
      expect(res.body.stats).toMatchObject({ matched: 0, matchRate: 0 });
    });

    it('says "eligible mentors full" when capacity runs out', async () => {
      const { coordinator, programId } = await setUp(1, 3, 2);
      const res = await t.http().post(`/api/programs/${programId}/matching-runs`).set(coordinator.auth).send({ algorithm: 'optimal' }).expect(201);
      expect(res.body.assignments).toHaveLength(2);
      expect(res.body.unmatched).toEqual([expect.objectContaining({ reason: 'eligible_mentors_full' })]);
    });

    it('never pairs a mentor who is not above the mentee, or with no shared modality', async () => {
      const coordinator = await newCoordinator(t);
      const program = await newProgram(t, coordinator);
      const sameYear = await newMentor(t, { yearOfStudy: 1 });
      const virtualOnly = await newMentor(t, { modalities: [Modality.Virtual] });
      const mentee = await newMentee(t, { modalities: [Modality.InPerson] });
      await enrol(t, program.id, sameYear, EnrollmentRole.Mentor);
      await enrol(t, program.id, virtualOnly, EnrollmentRole.Mentor);
      await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
      const res = await t.http().post(`/api/programs/${program.id}/matching-runs`).set(coordinator.auth).send({ algorithm: 'optimal' }).expect(201);
      expect(res.body.assignments).toEqual([]);
      expect(res.body.unmatched).toEqual([expect.objectContaining({ menteeId: mentee.user.id, reason: 'no_eligible_mentor' })]);
    });

    it('scores with the weights the coordinator chose, states them on the run, and refuses weights out of range', async () => {
      const { coordinator, programId } = await setUp(1, 2);
      const url = `/api/programs/${programId}/matching-runs`;
      const byDefault = await t.http().post(url).set(coordinator.auth).send({ algorithm: 'optimal' }).expect(201);
      expect(byDefault.body.weights).toEqual(DEFAULT_MATCHING_WEIGHTS);
      const weighted = await t.http().post(url).set(coordinator.auth).send({ algorithm: 'optimal', weights: { sharedInterest: 100 } }).expect(201);
      expect(weighted.body.weights).toEqual({ ...DEFAULT_MATCHING_WEIGHTS, sharedInterest: 100 });
      // Mentee 0 shares cardiology with the mentor: 97 more points at 100 per shared interest than at 3.
      const scoreOf = (run: { assignments: Array<{ menteeName: string; score: number }> }): number | undefined => run.assignments.find((a) => a.menteeName === 'Mentee 0')?.score;
      expect((scoreOf(weighted.body) ?? 0) - (scoreOf(byDefault.body) ?? 0)).toBe(97);
      const listed = await t.http().get(url).set(coordinator.auth).expect(200);
      expect(listed.body[0].weights).toEqual({ ...DEFAULT_MATCHING_WEIGHTS, sharedInterest: 100 });
      for (const weights of [{ sameCampus: 1001 }, { sharedLanguage: -1 }, { yearGapIdeal: 1.5 }, { sharedInterest: '3' }, { unknownWeight: 1 }, []]) {
        await t.http().post(url).set(coordinator.auth).send({ algorithm: 'optimal', weights }).expect(400);
      }
    });

    it('answers 400 for an unknown algorithm, 403 to a mentee, 404 to another coordinator', async () => {
      const { coordinator, programId, mentees } = await setUp(1, 1);
      await t.http().post(`/api/programs/${programId}/matching-runs`).set(coordinator.auth).send({ algorithm: 'greedy' }).expect(400);
      await t.http().post(`/api/programs/${programId}/matching-runs`).set(nth(mentees, 0).auth).send({ algorithm: 'optimal' }).expect(403);
      const stranger = await newCoordinator(t);
      await t.http().post(`/api/programs/${programId}/matching-runs`).set(stranger.auth).send({ algorithm: 'optimal' }).expect(404);
    });
  });

  describe('commit', () => {
    it('turns a preview into mentorships once; a second commit is 409', async () => {
      const { coordinator, programId } = await setUp(2, 3);
      const run = await t.http().post(`/api/programs/${programId}/matching-runs`).set(coordinator.auth).send({ algorithm: 'optimal' }).expect(201);
      const res = await t.http().post(`/api/programs/${programId}/matching-runs/${run.body.id}/commit`).set(coordinator.auth).expect(201);
      expect(res.body.mentorships).toHaveLength(3);
      expect(res.body.mentorships[0]).toEqual({ id: expect.any(String), menteeId: expect.any(String), mentorId: expect.any(String) });
      const again = await t.http().post(`/api/programs/${programId}/matching-runs/${run.body.id}/commit`).set(coordinator.auth).expect(409);
      expect(again.body.code).toBe('RUN_ALREADY_COMMITTED');
      const list = await t.http().get(`/api/programs/${programId}/mentorships`).set(coordinator.auth).expect(200);
      expect(list.body).toHaveLength(3);
    });

    it('refuses a preview made stale by a later change with 409', async () => {
      const { coordinator, programId, mentors, mentees } = await setUp(2, 2);
      const run = await t.http().post(`/api/programs/${programId}/matching-runs`).set(coordinator.auth).send({ algorithm: 'optimal' }).expect(201);
      await t.http().post(`/api/programs/${programId}/mentorships`).set(coordinator.auth).send({ menteeId: nth(mentees, 0).user.id, mentorId: nth(mentors, 0).user.id }).expect(201);
      const res = await t.http().post(`/api/programs/${programId}/matching-runs/${run.body.id}/commit`).set(coordinator.auth).expect(409);
      expect(res.body.code).toBe('RUN_STALE');
      const listed = await t.http().get(`/api/programs/${programId}/matching-runs/${run.body.id}`).set(coordinator.auth).expect(200);
      expect(listed.body.status).toBe('stale');
    });

    it('answers 404 for an unknown run', async () => {
      const { coordinator, programId } = await setUp(1, 1);
      await t.http().post(`/api/programs/${programId}/matching-runs/6f1c1d5e-0000-4000-8000-000000000000/commit`).set(coordinator.auth).expect(404);
      await t.http().post(`/api/programs/${programId}/matching-runs/nope/commit`).set(coordinator.auth).expect(404);
    });
  });

  describe('manual mentorships', () => {
    it('answers 409 past the mentor capacity and for a mentee already matched', async () => {
      const { coordinator, programId, mentors, mentees } = await setUp(2, 3, 1);
      const url = `/api/programs/${programId}/mentorships`;
      const first = await t.http().post(url).set(coordinator.auth).send({ menteeId: nth(mentees, 0).user.id, mentorId: nth(mentors, 0).user.id }).expect(201);
      expect(first.body).toMatchObject({ id: expect.any(String), menteeId: nth(mentees, 0).user.id, mentorId: nth(mentors, 0).user.id, status: 'active' });
      const full = await t.http().post(url).set(coordinator.auth).send({ menteeId: nth(mentees, 1).user.id, mentorId: nth(mentors, 0).user.id }).expect(409);
      expect(full.body.code).toBe('MENTOR_FULL');
      const twice = await t.http().post(url).set(coordinator.auth).send({ menteeId: nth(mentees, 0).user.id, mentorId: nth(mentors, 1).user.id }).expect(409);
      expect(twice.body.code).toBe('MENTEE_ALREADY_MATCHED');
    });

    it('never exceeds capacity under concurrent manual matches', async () => {
      const { coordinator, programId, mentors, mentees } = await setUp(1, 6, 2);
      const url = `/api/programs/${programId}/mentorships`;
      const results = await Promise.all(mentees.map((m) => t.http().post(url).set(coordinator.auth).send({ menteeId: m.user.id, mentorId: nth(mentors, 0).user.id })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    });

    it('answers 400 for a pair breaking a hard rule or an excluded pair', async () => {
      const { coordinator, programId, mentors, mentees } = await setUp(1, 1);
      const url = `/api/programs/${programId}/mentorships`;
      const swapped = await t.http().post(url).set(coordinator.auth).send({ menteeId: nth(mentors, 0).user.id, mentorId: nth(mentees, 0).user.id }).expect(400);
      expect(swapped.body.code).toBe('NOT_ENROLLED_AS');
      await t.http().post(`/api/programs/${programId}/exclusions`).set(coordinator.auth).send({ menteeId: nth(mentees, 0).user.id, mentorId: nth(mentors, 0).user.id }).expect(201);
      const excluded = await t.http().post(url).set(coordinator.auth).send({ menteeId: nth(mentees, 0).user.id, mentorId: nth(mentors, 0).user.id }).expect(400);
      expect(excluded.body.code).toBe('PAIR_EXCLUDED');
      const run = await t.http().post(`/api/programs/${programId}/matching-runs`).set(coordinator.auth).send({ algorithm: 'optimal' }).expect(201);
      expect(run.body.assignments).toEqual([]);
    });

    it('ends a mentorship with a reason, after which the mentee can be matched again', async () => {
      const { coordinator, programId, mentors, mentees } = await setUp(2, 1);
      const url = `/api/programs/${programId}/mentorships`;
      const m = await t.http().post(url).set(coordinator.auth).send({ menteeId: nth(mentees, 0).user.id, mentorId: nth(mentors, 0).user.id }).expect(201);
      const ended = await t.http().post(`${url}/${m.body.id}/end`).set(coordinator.auth).send({ reason: 'Schedules never aligned' }).expect(200);
      expect(ended.body).toMatchObject({ status: 'ended', endedReason: 'Schedules never aligned' });
      await t.http().post(`${url}/${m.body.id}/end`).set(coordinator.auth).send({ reason: 'again' }).expect(409);
      await t.http().post(url).set(coordinator.auth).send({ menteeId: nth(mentees, 0).user.id, mentorId: nth(mentors, 1).user.id }).expect(201);
    });

    it('shows students their own mentorships with the other person', async () => {
      const { coordinator, programId, mentors, mentees } = await setUp(1, 1);
      await t.http().post(`/api/programs/${programId}/mentorships`).set(coordinator.auth).send({ menteeId: nth(mentees, 0).user.id, mentorId: nth(mentors, 0).user.id }).expect(201);
      const asMentee = await t.http().get('/api/me/mentorships').set(nth(mentees, 0).auth).expect(200);
      expect(asMentee.body).toEqual([expect.objectContaining({ myRole: 'mentee', programId, other: expect.objectContaining({ id: nth(mentors, 0).user.id, fullName: 'Mentor 0' }) })]);
      const asMentor = await t.http().get('/api/me/mentorships').set(nth(mentors, 0).auth).expect(200);
      expect(asMentor.body).toEqual([expect.objectContaining({ myRole: 'mentor', other: expect.objectContaining({ id: nth(mentees, 0).user.id }) })]);
    });
  });

  describe('preferences', () => {
    it('stores a partial ranking that replaces the earlier one, and stable matching follows it', async () => {
      const { coordinator, programId, mentors, mentees } = await setUp(2, 1, 1);
      const url = `/api/programs/${programId}/preferences`;
      const ranked = [nth(mentors, 1).user.id];
      const res = await t.http().post(url).set(nth(mentees, 0).auth).send({ rankedUserIds: ranked }).expect(200);
      expect(res.body.rankedUserIds).toEqual(ranked);
      const run = await t.http().post(`/api/programs/${programId}/matching-runs`).set(coordinator.auth).send({ algorithm: 'stable' }).expect(201);
      expect(run.body.assignments).toEqual([expect.objectContaining({ menteeId: nth(mentees, 0).user.id, mentorId: nth(mentors, 1).user.id })]);
      expect(run.body.blockingPairs).toBe(0);
      await t.http().post(url).set(nth(mentees, 0).auth).send({ rankedUserIds: [nth(mentors, 0).user.id, nth(mentors, 1).user.id] }).expect(200);
      const mine = await t.http().get(`${url}/me`).set(nth(mentees, 0).auth).expect(200);
      expect(mine.body.rankedUserIds).toEqual([nth(mentors, 0).user.id, nth(mentors, 1).user.id]);
    });

    it('answers 400 for ids outside the program, of the same side, ineligible, or repeated', async () => {
      const { programId, mentors, mentees } = await setUp(1, 2);
      const outsider = await newMentor(t);
      const junior = await newMentor(t, { yearOfStudy: 1 });
      await enrol(t, programId, junior, EnrollmentRole.Mentor);
      const url = `/api/programs/${programId}/preferences`;
      for (const rankedUserIds of [[outsider.user.id], [nth(mentees, 1).user.id], [junior.user.id], [nth(mentors, 0).user.id, nth(mentors, 0).user.id], ['not-a-uuid']]) {
        await t.http().post(url).set(nth(mentees, 0).auth).send({ rankedUserIds }).expect(400);
      }
    });

    it('answers 404 to a student not in the program and 403 to a coordinator', async () => {
      const { coordinator, programId } = await setUp(1, 1);
      const stranger = await newMentee(t);
      await t.http().post(`/api/programs/${programId}/preferences`).set(stranger.auth).send({ rankedUserIds: [] }).expect(404);
      await t.http().post(`/api/programs/${programId}/preferences`).set(coordinator.auth).send({ rankedUserIds: [] }).expect(403);
    });

    it('lists ranking candidates best score first', async () => {
      const { programId, mentees } = await setUp(3, 1);
      const res = await t.http().get(`/api/programs/${programId}/ranking-candidates`).set(nth(mentees, 0).auth).expect(200);
      expect(res.body).toHaveLength(3);
      const scores = res.body.map((c: { score: number }) => c.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });
  });
});
