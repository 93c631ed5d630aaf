import { EnrollmentRole, type AllocationResponse } from '@pm/contracts';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, nth, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';
import { lotteryHash } from './lottery';

describe('randomized allocation (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  async function programWithMentees(n: number, years: (i: number) => number = () => 1): Promise<{ c: TestUser; programId: string; mentees: TestUser[] }> {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const mentees: TestUser[] = [];
    for (let i = 0; i < n; i++) {
      const m = await newMentee(t, { fullName: `Mentee ${i}`, yearOfStudy: years(i) });
      await enrol(t, p.id, m, EnrollmentRole.Mentee);
      mentees.push(m);
    }
    return { c, programId: p.id, mentees };
  }

  const allocate = (programId: string, who: TestUser, body: object) => t.http().post(`/api/programs/${programId}/allocations`).set(who.auth).send(body);

  it('offers the places to the mentees with the smallest SHA-256 of seed:id, and records the draw', async () => {
    const { c, programId, mentees } = await programWithMentees(12);
    const res = await allocate(programId, c, { places: 5, seed: 'قرعه ۱۴۰۵' }).expect(201);
    const body = res.body as AllocationResponse;
    const brute = mentees.map((m) => ({ id: m.user.id, h: lotteryHash('قرعه ۱۴۰۵', m.user.id) })).sort((a, b) => (a.h < b.h ? -1 : 1));
    expect(body.seed).toBe('قرعه ۱۴۰۵');
    expect(body.offered).toEqual(brute.slice(0, 5).map((x) => x.id));
    expect(body.waitlisted).toEqual(brute.slice(5).map((x) => x.id));
    expect(body.entries.map((e) => e.hash)).toEqual(brute.map((x) => x.h));
    const listed = await t.http().get(`/api/programs/${programId}/allocations`).set(c.auth).expect(200);
    expect(listed.body).toEqual([body]);
    const log: Array<{ action: string }> = await t.dataSource.query(`SELECT action FROM audit_log WHERE program_id = $1`, [programId]);
    expect(log.map((l) => l.action)).toContain('allocation.create');
  });

  it('the same seed reproduces the same split in another program with the same mentees', async () => {
    const { c, programId, mentees } = await programWithMentees(9);
    const other = await newProgram(t, c);
    for (const m of mentees) await enrol(t, other.id, m, EnrollmentRole.Mentee);
    const a = (await allocate(programId, c, { places: 4, seed: 'dean-2026' }).expect(201)).body as AllocationResponse;
    const b = (await allocate(other.id, c, { places: 4, seed: 'dean-2026' }).expect(201)).body as AllocationResponse;
    expect(b.offered).toEqual(a.offered);
    expect(b.waitlisted).toEqual(a.waitlisted);
  });

  it('draws a seed when none is typed, and draws only once per program', async () => {
    const { c, programId } = await programWithMentees(3);
    const res = await allocate(programId, c, { places: 1 }).expect(201);
    expect(res.body.seed).toMatch(/^[0-9a-f]{16}$/);
    expect((await allocate(programId, c, { places: 1, seed: 'again' }).expect(409)).body.code).toBe('ALLOCATION_EXISTS');
  });

  it('refuses a lottery that is not needed, or after a mentorship exists (409)', async () => {
    const { c, programId, mentees } = await programWithMentees(3);
    expect((await allocate(programId, c, { places: 3 }).expect(409)).body.code).toBe('ALLOCATION_NOT_NEEDED');
    const mentor = await newMentor(t);
    await enrol(t, programId, mentor, EnrollmentRole.Mentor, 3);
    await t.http().post(`/api/programs/${programId}/mentorships`).set(c.auth).send({ menteeId: nth(mentees, 0).user.id, mentorId: mentor.user.id }).expect(201);
    expect((await allocate(programId, c, { places: 1 }).expect(409)).body.code).toBe('ALLOCATION_AFTER_MATCHING');
  });

  it('validates the body (400) and hides the program from others (404, 403 to students)', async () => {
    const { c, programId, mentees } = await programWithMentees(3);
    await allocate(programId, c, { places: 0 }).expect(400);
    await allocate(programId, c, { places: 1, seed: '' }).expect(400);
    await allocate(programId, c, { places: 1, seed: 'x'.repeat(129) }).expect(400);
    await allocate(programId, c, { places: 1, stratifyBy: 'campus' }).expect(400);
    await allocate(programId, await newCoordinator(t), { places: 1 }).expect(404);
    await allocate(programId, nth(mentees, 0), { places: 1 }).expect(403);
    await t.http().get(`/api/programs/${programId}/allocations`).set((await newCoordinator(t)).auth).expect(404);
  });

  it('only offered mentees are matched: the matching run leaves the waitlist out, a manual match of a waitlisted mentee is refused', async () => {
    const { c, programId, mentees } = await programWithMentees(6);
    const mentor = await newMentor(t);
    await enrol(t, programId, mentor, EnrollmentRole.Mentor, 6);
    const late = await newMentee(t);
    const body = (await allocate(programId, c, { places: 3, seed: 's' }).expect(201)).body as AllocationResponse;
    await enrol(t, programId, late, EnrollmentRole.Mentee); // joined after the draw: in neither group

    const run = await t.http().post(`/api/programs/${programId}/matching-runs`).set(c.auth).send({ algorithm: 'optimal' }).expect(201);
    const matched = (run.body.assignments as Array<{ menteeId: string }>).map((a) => a.menteeId).sort();
    expect(matched).toEqual([...body.offered].sort());
    expect(run.body.unmatchedMenteeIds ?? []).not.toEqual(expect.arrayContaining([nth(body.waitlisted, 0)]));

    const refused = await t.http().post(`/api/programs/${programId}/mentorships`).set(c.auth).send({ menteeId: nth(body.waitlisted, 0), mentorId: mentor.user.id }).expect(409);
    expect(refused.body.code).toBe('MENTEE_WAITLISTED');
    await t.http().post(`/api/programs/${programId}/mentorships`).set(c.auth).send({ menteeId: late.user.id, mentorId: mentor.user.id }).expect(409);
    await t.http().post(`/api/programs/${programId}/mentorships`).set(c.auth).send({ menteeId: nth(body.offered, 0), mentorId: mentor.user.id }).expect(201);
    expect(mentees).toHaveLength(6);
  });

  it('stratified by year: each year gets its share of the places', async () => {
    const { c, programId } = await programWithMentees(10, (i) => (i < 6 ? 1 : 2));
    const body = (await allocate(programId, c, { places: 5, seed: 'strata', stratifyBy: 'year_of_study' }).expect(201)).body as AllocationResponse;
    const offeredByYear = [1, 2].map((y) => body.entries.filter((e) => e.yearOfStudy === y && e.outcome === 'offered').length);
    expect(offeredByYear).toEqual([3, 2]);
    expect(body.stratifyBy).toBe('year_of_study');
  });

  it('offers the waitlist a place in a follow-on program, once', async () => {
    const { c, programId } = await programWithMentees(5);
    const next = await newProgram(t, c, { name: 'Next round' });
    const body = (await allocate(programId, c, { places: 2, seed: 'f' }).expect(201)).body as AllocationResponse;
    const url = `/api/programs/${programId}/allocations/${body.id}/follow-on`;
    const first = await t.http().post(url).set(c.auth).send({ targetProgramId: next.id }).expect(200);
    expect(first.body).toEqual({ targetProgramId: next.id, enrolled: 3, alreadyEnrolled: 0 });
    const second = await t.http().post(url).set(c.auth).send({ targetProgramId: next.id }).expect(200);
    expect(second.body).toEqual({ targetProgramId: next.id, enrolled: 0, alreadyEnrolled: 3 });
    const enrolled: Array<{ user_id: string }> = await t.dataSource.query(`SELECT user_id FROM enrollment WHERE program_id = $1 AND role = 'mentee' ORDER BY user_id`, [next.id]);
    expect(enrolled.map((e) => e.user_id)).toEqual([...body.waitlisted].sort());
    expect((await t.http().post(url).set(c.auth).send({ targetProgramId: programId }).expect(400)).body.code).toBe('FOLLOW_ON_SAME_PROGRAM');
    const foreign = await newProgram(t, await newCoordinator(t));
    await t.http().post(url).set(c.auth).send({ targetProgramId: foreign.id }).expect(404);
  });
});
