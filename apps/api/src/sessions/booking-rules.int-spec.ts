import { EnrollmentRole, MentorshipStatus, Modality } from '@pm/contracts';
import { MentorshipEntity } from '@api/matching/mentorship.entity';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

describe('booking: shared ways to meet and who is busy (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  async function pair(mentor: TestUser, mentee: TestUser): Promise<string> {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator);
    await enrol(t, program.id, mentor, EnrollmentRole.Mentor);
    await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
    const repo = t.dataSource.getRepository(MentorshipEntity);
    return (await repo.save(repo.create({ programId: program.id, mentorId: mentor.user.id, menteeId: mentee.user.id, status: MentorshipStatus.Active }))).id;
  }

  it('tells each side the ways they share, and refuses a session any other way (400 MODALITY_NOT_SHARED)', async () => {
    const mentor = await newMentor(t, { modalities: [Modality.InPerson, Modality.Virtual] });
    const mentee = await newMentee(t, { modalities: [Modality.Virtual] });
    const mentorshipId = await pair(mentor, mentee);
    for (const who of [mentor, mentee]) {
      const mine = await t.http().get('/api/me/mentorships').set(who.auth).expect(200);
      expect(mine.body).toEqual([expect.objectContaining({ id: mentorshipId, sharedModalities: ['virtual'] })]);
    }
    const refused = await t
      .http()
      .post('/api/sessions')
      .set(mentor.auth)
      .send({ mentorshipId, startsAt: '2030-06-03T10:00:00Z', endsAt: '2030-06-03T11:00:00Z', modality: 'in_person', location: 'Library' })
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'MODALITY_NOT_SHARED', sharedModalities: ['virtual'] });
    await t.http().post('/api/sessions').set(mentor.auth).send({ mentorshipId, startsAt: '2030-06-03T10:00:00Z', endsAt: '2030-06-03T11:00:00Z', modality: 'virtual' }).expect(201);
  });

  it("lets the mentor book for their mentee: the session is the mentee's too", async () => {
    const mentor = await newMentor(t);
    const mentee = await newMentee(t);
    const mentorshipId = await pair(mentor, mentee);
    const res = await t.http().post('/api/sessions').set(mentor.auth).send({ mentorshipId, startsAt: '2030-06-04T10:00:00Z', endsAt: '2030-06-04T11:00:00Z', modality: 'virtual' }).expect(201);
    expect(res.body.myRole).toBe('mentor');
    const theirs = await t.http().get('/api/me/sessions').set(mentee.auth).expect(200);
    expect(theirs.body.map((s: { id: string }) => s.id)).toEqual([res.body.id]);
  });

  it("says the clash is the caller's own session, or the other person's", async () => {
    const mentor = await newMentor(t);
    const mentee = await newMentee(t);
    const otherMentee = await newMentee(t);
    const mentorshipId = await pair(mentor, mentee);
    const otherMentorshipId = await pair(mentor, otherMentee);
    // The mentor is busy with another mentee: for this mentee, it is the other person's session.
    await t.http().post('/api/sessions').set(otherMentee.auth).send({ mentorshipId: otherMentorshipId, startsAt: '2030-06-05T10:00:00Z', endsAt: '2030-06-05T11:00:00Z', modality: 'virtual' }).expect(201);
    const theirs = await t.http().post('/api/sessions').set(mentee.auth).send({ mentorshipId, startsAt: '2030-06-05T10:30:00Z', endsAt: '2030-06-05T11:30:00Z', modality: 'virtual' }).expect(409);
    expect(theirs.body).toMatchObject({ code: 'SESSION_CONFLICT', conflict: { startsAt: '2030-06-05T10:00:00.000Z', endsAt: '2030-06-05T11:00:00.000Z', who: 'other' } });
    // For the mentor, the same session is their own.
    const own = await t.http().post('/api/sessions').set(mentor.auth).send({ mentorshipId, startsAt: '2030-06-05T10:30:00Z', endsAt: '2030-06-05T11:30:00Z', modality: 'virtual' }).expect(409);
    expect(own.body.conflict).toMatchObject({ who: 'you' });
    // The mentee's own session with the mentor, when the mentee books over it.
    await t.http().post('/api/sessions').set(mentee.auth).send({ mentorshipId, startsAt: '2030-06-06T10:00:00Z', endsAt: '2030-06-06T11:00:00Z', modality: 'virtual' }).expect(201);
    const again = await t.http().post('/api/sessions').set(mentee.auth).send({ mentorshipId, startsAt: '2030-06-06T10:30:00Z', endsAt: '2030-06-06T11:30:00Z', modality: 'virtual' }).expect(409);
    expect(again.body.conflict).toMatchObject({ who: 'you' });
    expect(again.body.message).toContain('You already have');
  });
});
