import { EnrollmentRole } from '@pm/contracts';
import { enrol, newCoordinator, newMentee, newMentor, newProgram } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

const HEADER = 'student_email,assessment,taken_on,score,max_score';
const todayIn = (timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe('the exposure window: mentorship startedOn (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('counts a mentored student’s results as after only from their start; records between count in neither', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c, { startsOn: '2026-09-01', endsOn: '2027-06-30' });
    const mentor = await newMentor(t);
    await enrol(t, p.id, mentor, EnrollmentRole.Mentor, 5);
    const late = await newMentee(t, { email: 'late.start@uni.example' });
    await enrol(t, p.id, late, EnrollmentRole.Mentee);
    const created = await t.http().post(`/api/programs/${p.id}/mentorships`).set(c.auth).send({ menteeId: late.user.id, mentorId: mentor.user.id, startedOn: '2026-10-01' }).expect(201);
    expect(created.body).toMatchObject({ menteeId: late.user.id, mentorId: mentor.user.id, status: 'active', startedOn: '2026-10-01' });
    const csv = [
      HEADER,
      'late.start@uni.example,Quiz A,2026-08-01,50,100', // before startsOn: pre
      'late.start@uni.example,Quiz B,2026-09-15,95,100', // after startsOn, before their start: neither
      'late.start@uni.example,Quiz C,2026-10-01,70,100', // on their start: post
      'classmate@uni.example,Quiz A,2026-08-01,50,100',
      'classmate@uni.example,Quiz B,2026-09-15,60,100', // comparison: post from startsOn
    ].join('\n');
    await t.http().post(`/api/programs/${p.id}/academic-records/import`).set(c.auth).set('Content-Type', 'text/csv').send(csv).expect(200);
    const res = await t.http().get(`/api/programs/${p.id}/outcomes`).set(c.auth).expect(200);
    expect(res.body.mentored).toMatchObject({ n: 1, preMean: 50, postMean: 70, meanChange: 20 });
    expect(res.body.comparison).toMatchObject({ n: 1, preMean: 50, postMean: 60, meanChange: 10 });
    expect(res.body.windows.mentored).toEqual({
      preBefore: '2026-09-01',
      postFrom: { earliest: '2026-10-01', latest: '2026-10-01' },
      students: 1,
      postRecords: 1,
      recordsInNeither: 1,
      studentsWithoutPostAfterStart: 0,
    });
    expect(res.body.windows.comparison).toMatchObject({ preBefore: '2026-09-01', postFrom: { earliest: '2026-09-01', latest: '2026-09-01' }, recordsInNeither: 0 });
    expect(res.body.records).toBe(5);
  });

  it('drops a mentee whose results since startsOn all predate their start, and says so', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c, { startsOn: '2026-09-01', endsOn: '2027-06-30' });
    const mentor = await newMentor(t);
    await enrol(t, p.id, mentor, EnrollmentRole.Mentor, 5);
    const m = await newMentee(t, { email: 'matched.today@uni.example' });
    await enrol(t, p.id, m, EnrollmentRole.Mentee);
    const created = await t.http().post(`/api/programs/${p.id}/mentorships`).set(c.auth).send({ menteeId: m.user.id, mentorId: mentor.user.id }).expect(201);
    // No startedOn: today in the program's time zone.
    expect(created.body.startedOn).toBe(todayIn('Europe/Berlin'));
    await t.http()
      .post(`/api/programs/${p.id}/academic-records/import`)
      .set(c.auth)
      .set('Content-Type', 'text/csv')
      .send(`${HEADER}\nmatched.today@uni.example,Quiz A,2026-08-01,50,100\nmatched.today@uni.example,Quiz B,2026-09-15,90,100\n`)
      .expect(200);
    const res = await t.http().get(`/api/programs/${p.id}/outcomes`).set(c.auth).expect(200);
    expect(res.body.mentored.n).toBe(0);
    expect(res.body.windows.mentored).toMatchObject({ students: 1, postRecords: 0, recordsInNeither: 1, studentsWithoutPostAfterStart: 1 });
  });

  it('refuses a start in the future with 400, and a date that is not one', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c, { timezone: 'Asia/Tehran' });
    const mentor = await newMentor(t);
    const mentee = await newMentee(t);
    await enrol(t, p.id, mentor, EnrollmentRole.Mentor);
    await enrol(t, p.id, mentee, EnrollmentRole.Mentee);
    const future = await t.http().post(`/api/programs/${p.id}/mentorships`).set(c.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id, startedOn: '2999-01-01' }).expect(400);
    expect(future.body).toMatchObject({ statusCode: 400, code: 'MENTORSHIP_START_IN_FUTURE' });
    const tomorrow = new Date(`${todayIn('Asia/Tehran')}T12:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    await t.http().post(`/api/programs/${p.id}/mentorships`).set(c.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id, startedOn: tomorrow.toISOString().slice(0, 10) }).expect(400);
    await t.http().post(`/api/programs/${p.id}/mentorships`).set(c.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id, startedOn: '2026-02-30' }).expect(400);
    await t.http().post(`/api/programs/${p.id}/mentorships`).set(c.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id, startedOn: '0000-01-01' }).expect(400);
    expect(((await t.dataSource.query('SELECT count(*)::int AS n FROM mentorship WHERE program_id = $1', [p.id])) as Array<{ n: number }>)[0]?.n).toBe(0);
    const listed = await t.http().get(`/api/programs/${p.id}/mentorships`).set(c.auth).expect(200);
    expect(listed.body).toEqual([]);
  });

  it('starts committed pairs today in the program’s time zone, and audits the commit, the manual match and the end', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c, { timezone: 'Pacific/Kiritimati' });
    const mentor = await newMentor(t, { modalities: ['virtual'] });
    const mentee = await newMentee(t, { modalities: ['virtual'] });
    await enrol(t, p.id, mentor, EnrollmentRole.Mentor);
    await enrol(t, p.id, mentee, EnrollmentRole.Mentee);
    const run = await t.http().post(`/api/programs/${p.id}/matching-runs`).set(c.auth).send({ algorithm: 'optimal' }).expect(201);
    await t.http().post(`/api/programs/${p.id}/matching-runs/${run.body.id}/commit`).set(c.auth).expect(201);
    const listed = await t.http().get(`/api/programs/${p.id}/mentorships`).set(c.auth).expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ menteeId: mentee.user.id, startedOn: todayIn('Pacific/Kiritimati') })]);
    const mine = await t.http().get('/api/me/mentorships').set(mentee.auth).expect(200);
    expect(mine.body[0].startedOn).toBe(todayIn('Pacific/Kiritimati'));

    await t.http().post(`/api/programs/${p.id}/mentorships/${listed.body[0].id}/end`).set(c.auth).send({ reason: 'Moved campus' }).expect(200);
    await t.http().post(`/api/programs/${p.id}/mentorships`).set(c.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id, startedOn: '2026-10-05' }).expect(201);
    const log = await t.http().get(`/api/programs/${p.id}/audit-log`).set(c.auth).expect(200);
    const actions = (log.body as Array<{ action: string }>).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['matching.commit', 'mentorship.end', 'mentorship.create']));
    expect(log.body.find((e: { action: string }) => e.action === 'matching.commit')).toMatchObject({ actorId: c.user.id, details: { runId: run.body.id, mentorships: 1 } });
    expect(log.body.find((e: { action: string }) => e.action === 'mentorship.create')).toMatchObject({ subjectUserId: mentee.user.id, details: { startedOn: '2026-10-05' } });
  });
});
