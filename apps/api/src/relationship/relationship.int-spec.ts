import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { EnrollmentRole, MentorshipStatus, type AgreementResponse, type Notification, type PairHealthRow, type ReferralResponse } from '@pm/contracts';
import { MentorshipEntity } from '@api/matching/mentorship.entity';
import { PairHealthJobs } from '@api/relationship/pair-health/pair-health.jobs';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

interface Pair {
  programId: string;
  coordinator: TestUser;
  mentor: TestUser;
  mentee: TestUser;
  mentorshipId: string;
}

const NOTE = 'PRIVATE-NOTE-7f3a: worried about the anatomy resit';

describe('running the relationship (integration)', () => {
  let t: TestApp;
  let baseUrl: string;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  let slot = 0;
  /** Sessions of one test never overlap: each gets its own hour. */
  const nextHour = (): number => ++slot;

  async function pair(programId?: string, coordinator?: TestUser): Promise<Pair> {
    const c = coordinator ?? (await newCoordinator(t));
    const pid = programId ?? (await newProgram(t, c)).id;
    const mentor = await newMentor(t);
    const mentee = await newMentee(t);
    await enrol(t, pid, mentor, EnrollmentRole.Mentor);
    await enrol(t, pid, mentee, EnrollmentRole.Mentee);
    const repo = t.dataSource.getRepository(MentorshipEntity);
    const m = await repo.save(repo.create({ programId: pid, mentorId: mentor.user.id, menteeId: mentee.user.id, status: MentorshipStatus.Active }));
    return { programId: pid, coordinator: c, mentor, mentee, mentorshipId: m.id };
  }

  /** The pair began `days` ago. */
  const startedDaysAgo = (p: Pair, days: number): Promise<unknown> =>
    t.dataSource.query(`UPDATE mentorship SET started_on = current_date - $2::int, created_at = now() - make_interval(days => $2) WHERE id = $1`, [p.mentorshipId, days]);

  /** A session `daysFromNow` (negative: in the past), with the mentee's attendance as given. */
  async function session(p: Pair, daysFromNow: number, attendance: 'attended' | 'no_show' | null = null, status: 'scheduled' | 'cancelled' = 'scheduled'): Promise<string> {
    const offset = `${daysFromNow} days ${nextHour()} hours`;
    const rows: Array<{ id: string }> = await t.dataSource.query(
      `INSERT INTO mentoring_session (program_id, mentorship_id, mentor_id, starts_at, ends_at, modality, meeting_url, status, cancelled_at)
       VALUES ($1, $2, $3, now() + $4::interval, now() + $4::interval + interval '45 minutes', 'virtual', 'https://meet.example/x', $5::session_status, CASE WHEN $5::text = 'cancelled' THEN now() END)
       RETURNING id`,
      [p.programId, p.mentorshipId, p.mentor.user.id, offset, status],
    );
    const id = (rows[0] as { id: string }).id;
    const active = status !== 'cancelled';
    await t.dataSource.query(
      `INSERT INTO session_attendee (session_id, user_id, role, mentorship_id, starts_at, ends_at, active, attendance)
       SELECT id, $2::uuid, 'mentor'::session_participant_role, NULL::uuid, starts_at, ends_at, $4::boolean, NULL::session_attendance FROM mentoring_session WHERE id = $1
       UNION ALL SELECT id, $3::uuid, 'mentee'::session_participant_role, mentorship_id, starts_at, ends_at, $4::boolean, $5::session_attendance FROM mentoring_session WHERE id = $1`,
      [id, p.mentor.user.id, p.mentee.user.id, active, attendance],
    );
    return id;
  }

  async function signedAgreement(p: Pair): Promise<void> {
    await t.http().put(`/api/mentorships/${p.mentorshipId}/agreement`).set(p.mentor.auth).send({ goals: ['Pass anatomy'], meetingsPerMonth: 2 }).expect(200);
    await t.http().post(`/api/mentorships/${p.mentorshipId}/agreement/sign`).set(p.mentor.auth).send({}).expect(200);
    await t.http().post(`/api/mentorships/${p.mentorshipId}/agreement/sign`).set(p.mentee.auth).send({}).expect(200);
  }

  async function board(p: Pair, query = ''): Promise<PairHealthRow[]> {
    const res = await t.http().get(`/api/programs/${p.programId}/health${query}`).set(p.coordinator.auth).expect(200);
    return res.body as PairHealthRow[];
  }

  async function rowOf(p: Pair): Promise<PairHealthRow> {
    const row = (await board(p)).find((r) => r.mentorshipId === p.mentorshipId);
    if (!row) throw new Error('the pair is not on the board');
    return row;
  }

  // ---- agreement ----------------------------------------------------------------------------------------

  describe('agreement', () => {
    it('is empty before anything is saved, for the pair and the coordinators, and 404 for anyone else', async () => {
      const p = await pair();
      const outsider = await pair();
      for (const who of [p.mentor, p.mentee, p.coordinator]) {
        const res = await t.http().get(`/api/mentorships/${p.mentorshipId}/agreement`).set(who.auth).expect(200);
        expect(res.body).toMatchObject({ goals: [], meetingsPerMonth: null, signedByMentorAt: null, signedByMenteeAt: null });
        expect((res.body as AgreementResponse).template?.goals.fa.length).toBeGreaterThan(0);
      }
      for (const who of [outsider.mentor, outsider.mentee, outsider.coordinator]) {
        await t.http().get(`/api/mentorships/${p.mentorshipId}/agreement`).set(who.auth).expect(404);
      }
      await t.http().get('/api/mentorships/not-a-uuid/agreement').set(p.mentor.auth).expect(404);
    });

    it('is edited by either side and signed by both; any change clears both signatures, saving the same text does not', async () => {
      const p = await pair();
      const put = (who: TestUser, body: object) => t.http().put(`/api/mentorships/${p.mentorshipId}/agreement`).set(who.auth).send(body);
      const sign = (who: TestUser, body: object = {}) => t.http().post(`/api/mentorships/${p.mentorshipId}/agreement/sign`).set(who.auth).send(body);

      await sign(p.mentee).expect(409).expect((r) => expect(r.body.code ?? r.body.error).toBeDefined());
      const first = await put(p.mentor, { goals: ['Pass anatomy', ' Sleep more ', ''], meetingsPerMonth: 2 }).expect(200);
      expect(first.body).toMatchObject({ goals: ['Pass anatomy', 'Sleep more'], meetingsPerMonth: 2, version: 1 });
      await sign(p.mentor, { version: 1 }).expect(200);
      const both = await sign(p.mentee).expect(200);
      expect(both.body.signedByMentorAt).not.toBeNull();
      expect(both.body.signedByMenteeAt).not.toBeNull();

      const same = await put(p.mentee, { goals: ['Pass anatomy', 'Sleep more'], meetingsPerMonth: 2 }).expect(200);
      expect(same.body.signedByMentorAt).not.toBeNull();
      expect(same.body.version).toBe(1);

      const changed = await put(p.mentee, { goals: ['Pass anatomy', 'Sleep eight hours'], meetingsPerMonth: 2 }).expect(200);
      expect(changed.body).toMatchObject({ signedByMentorAt: null, signedByMenteeAt: null, version: 2 });
      // The unchanged goal keeps its id.
      expect(changed.body.goalItems[0].id).toBe(first.body.goalItems[0].id);
      await sign(p.mentor, { version: 1 }).expect(409);

      const goalId = changed.body.goalItems[0].id as string;
      await sign(p.mentor).expect(200);
      const achieved = await t.http().put(`/api/mentorships/${p.mentorshipId}/agreement/goals/${goalId}/achieved`).set(p.mentee.auth).send({ achieved: true }).expect(200);
      expect(achieved.body.goalItems[0].achievedAt).not.toBeNull();
      expect(achieved.body.signedByMentorAt).not.toBeNull();
    });

    it('refuses bad bodies, the coordinators’ edits and outsiders', async () => {
      const p = await pair();
      const other = await pair();
      const put = (who: TestUser, body: object) => t.http().put(`/api/mentorships/${p.mentorshipId}/agreement`).set(who.auth).send(body);
      await put(p.mentor, { goals: [], meetingsPerMonth: 2 }).expect(400);
      await put(p.mentor, { goals: ['x'], meetingsPerMonth: 0 }).expect(400);
      await put(p.mentor, { goals: ['x'], meetingsPerMonth: 13 }).expect(400);
      await put(p.mentor, { goals: ['x'.repeat(301)], meetingsPerMonth: 2 }).expect(400);
      await put(p.mentor, { goals: 'x', meetingsPerMonth: 2 }).expect(400);
      await put(p.coordinator, { goals: ['x'], meetingsPerMonth: 2 }).expect(403);
      await put(other.mentor, { goals: ['x'], meetingsPerMonth: 2 }).expect(404);
    });

    it('starts from the program’s template, which its coordinators edit in both languages', async () => {
      const p = await pair();
      const template = { goals: { en: ['Pass the first block'], fa: ['قبولی در بلوک اول'] }, meetingsPerMonth: 3, confidentiality: { en: 'Between us.', fa: 'میان ما.' } };
      await t.http().put(`/api/programs/${p.programId}/agreement-template`).set(p.coordinator.auth).send(template).expect(200);
      await t.http().put(`/api/programs/${p.programId}/agreement-template`).set(p.coordinator.auth).send({ ...template, confidentiality: { en: '', fa: 'x' } }).expect(400);
      await t.http().put(`/api/programs/${p.programId}/agreement-template`).set(p.mentor.auth).send(template).expect(403);
      const got = await t.http().get(`/api/mentorships/${p.mentorshipId}/agreement`).set(p.mentee.auth).expect(200);
      expect(got.body.template).toEqual(template);
      expect(got.body.confidentiality).toEqual(template.confidentiality);
      const saved = await t.http().put(`/api/mentorships/${p.mentorshipId}/agreement`).set(p.mentee.auth).send({ goals: ['Mine'], meetingsPerMonth: 1 }).expect(200);
      expect(saved.body.confidentiality).toEqual(template.confidentiality);
      // A later template change leaves a saved agreement's statement as it was.
      await t.http().put(`/api/programs/${p.programId}/agreement-template`).set(p.coordinator.auth).send({ ...template, confidentiality: { en: 'Changed.', fa: 'تغییر.' } }).expect(200);
      const again = await t.http().get(`/api/mentorships/${p.mentorshipId}/agreement`).set(p.mentee.auth).expect(200);
      expect(again.body.confidentiality).toEqual(template.confidentiality);
    });
  });

  // ---- session log --------------------------------------------------------------------------------------

  describe('session log', () => {
    it('is written by the mentor once the session has begun, with its private note for the pair only', async () => {
      const p = await pair();
      const outsider = await pair();
      const past = await session(p, -1, 'attended');
      const future = await session(p, 3);
      const log = (who: TestUser, id: string, body: object) => t.http().put(`/api/sessions/${id}/log`).set(who.auth).send(body);
      const good = { topics: ['exams', 'wellbeing'], minutes: 40, note: NOTE };

      await log(p.mentor, future, good).expect(409);
      await log(p.mentee, past, good).expect(403);
      await log(outsider.mentor, past, good).expect(404);
      await log(p.coordinator, past, good).expect(403);
      await log(p.mentor, past, { ...good, topics: ['exams', 'astrology'] }).expect(400);
      await log(p.mentor, past, { ...good, minutes: 0 }).expect(400);
      await log(p.mentor, past, { ...good, minutes: -5 }).expect(400);
      await log(p.mentor, past, { ...good, minutes: 601 }).expect(400);
      await log(p.mentor, past, { ...good, minutes: 12.5 }).expect(400);
      await log(p.mentor, past, { ...good, goalId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      const cancelled = await session(p, -2, null, 'cancelled');
      await log(p.mentor, cancelled, good).expect(409);

      const saved = await log(p.mentor, past, good).expect(200);
      expect(saved.body).toMatchObject({ topics: ['exams', 'wellbeing'], minutes: 40, note: NOTE });
      // Logging again rewrites it.
      await log(p.mentor, past, { ...good, minutes: 600 }).expect(200);

      const mine = await t.http().get(`/api/mentorships/${p.mentorshipId}/session-logs`).set(p.mentee.auth).expect(200);
      expect(mine.body).toHaveLength(1);
      expect(mine.body[0]).toMatchObject({ sessionId: past, minutes: 600, note: NOTE });
    });

    it('marks progress on a goal of the agreement', async () => {
      const p = await pair();
      const past = await session(p, -1, 'attended');
      const agreement = await t.http().put(`/api/mentorships/${p.mentorshipId}/agreement`).set(p.mentee.auth).send({ goals: ['Pass anatomy'], meetingsPerMonth: 2 }).expect(200);
      const goalId = agreement.body.goalItems[0].id as string;
      await t.http().put(`/api/sessions/${past}/log`).set(p.mentor.auth).send({ topics: ['exams'], minutes: 30, goalId, goalAchieved: true }).expect(200);
      const after = await t.http().get(`/api/mentorships/${p.mentorshipId}/agreement`).set(p.mentee.auth).expect(200);
      expect(after.body.goalItems[0].achievedAt).not.toBeNull();
    });

    it('never gives coordinators the note: not in the pair’s list, the program’s list, nor the export', async () => {
      const p = await pair();
      const past = await session(p, -1, 'attended');
      await t.http().put(`/api/sessions/${past}/log`).set(p.mentor.auth).send({ topics: ['career'], minutes: 25, note: NOTE }).expect(200);

      const forMentee = await t.http().get(`/api/sessions/${past}`).set(p.mentee.auth).expect(200);
      expect(forMentee.body.log).toMatchObject({ topics: ['career'], minutes: 25, note: NOTE });
      const forCoordinator = await t.http().get(`/api/sessions/${past}`).set(p.coordinator.auth).expect(200);
      expect(forCoordinator.body).toMatchObject({ id: past, myRole: 'coordinator', meetingUrl: null, log: { topics: ['career'], minutes: 25 } });
      expect(forCoordinator.text).not.toContain(NOTE);
      expect(forCoordinator.text).not.toContain('"note"');
      expect(forCoordinator.text).not.toContain('meet.example');
      const unlogged = await session(p, 2);
      expect((await t.http().get(`/api/sessions/${unlogged}`).set(p.coordinator.auth).expect(200)).body.log).toBeNull();
      expect((await t.http().get(`/api/sessions/${unlogged}`).set(p.mentor.auth).expect(200)).body.log).toBeNull();
      const outsider = await pair();
      await t.http().get(`/api/sessions/${past}`).set(outsider.coordinator.auth).expect(404);
      await t.http().get(`/api/sessions/${past}`).set(outsider.mentor.auth).expect(404);

      const pairList = await t.http().get(`/api/mentorships/${p.mentorshipId}/session-logs`).set(p.coordinator.auth).expect(200);
      expect(pairList.body).toEqual([expect.objectContaining({ sessionId: past, topics: ['career'], minutes: 25 })]);
      expect(pairList.text).not.toContain(NOTE);
      expect(pairList.text).not.toContain('"note"');

      const programList = await t.http().get(`/api/programs/${p.programId}/session-logs`).set(p.coordinator.auth).expect(200);
      expect(programList.body).toHaveLength(1);
      expect(programList.text).not.toContain(NOTE);
      expect(programList.text).not.toContain('"note"');

      const csv = await t.http().get(`/api/programs/${p.programId}/session-logs/export.csv`).set(p.coordinator.auth).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text).toContain('career');
      expect(csv.text).not.toContain(NOTE);

      const hours = await t.http().get(`/api/programs/${p.programId}/mentor-hours.csv`).set(p.coordinator.auth).expect(200);
      expect(hours.text).not.toContain(NOTE);

      await t.http().get(`/api/programs/${p.programId}/session-logs`).set(p.mentor.auth).expect(403);
    });
  });

  // ---- check-ins ----------------------------------------------------------------------------------------

  describe('check-ins', () => {
    it('are answered by the mentee only, 1 to 5, and read by the mentee and the coordinators, never the mentor', async () => {
      const p = await pair();
      const outsider = await pair();
      const post = (who: TestUser, body: object) => t.http().post(`/api/mentorships/${p.mentorshipId}/check-ins`).set(who.auth).send(body);
      await post(p.mentee, { rating: 0 }).expect(400);
      await post(p.mentee, { rating: 6 }).expect(400);
      await post(p.mentee, { rating: 3.5 }).expect(400);
      await post(p.mentee, { rating: '4' }).expect(400);
      await post(p.mentor, { rating: 4 }).expect(403);
      await post(outsider.mentee, { rating: 4 }).expect(404);
      const created = await post(p.mentee, { rating: 4, comment: 'Going well' }).expect(201);
      expect(created.body).toMatchObject({ rating: 4, comment: 'Going well', mentorshipId: p.mentorshipId });

      await t.http().get(`/api/mentorships/${p.mentorshipId}/check-ins`).set(p.mentor.auth).expect(403);
      const forCoordinator = await t.http().get(`/api/mentorships/${p.mentorshipId}/check-ins`).set(p.coordinator.auth).expect(200);
      expect(forCoordinator.body).toHaveLength(1);
    });

    it('is due a month after the start or the last answer', async () => {
      const p = await pair();
      const due = async (): Promise<string[]> => ((await t.http().get('/api/me/check-ins/due').set(p.mentee.auth).expect(200)).body as Array<{ mentorshipId: string }>).map((d) => d.mentorshipId);
      expect(await due()).toEqual([]);
      await startedDaysAgo(p, 31);
      expect(await due()).toEqual([p.mentorshipId]);
      await t.http().post(`/api/mentorships/${p.mentorshipId}/check-ins`).set(p.mentee.auth).send({ rating: 5 }).expect(201);
      expect(await due()).toEqual([]);
    });
  });

  // ---- referrals ----------------------------------------------------------------------------------------

  describe('referrals', () => {
    it('reach the coordinators only; every read is audited; the coordinator closes one with a note', async () => {
      const p = await pair();
      const outsider = await pair();
      const post = (who: TestUser, body: object) => t.http().post(`/api/programs/${p.programId}/referrals`).set(who.auth).send(body);
      await post(p.mentee, { message: '' }).expect(400);
      await post(p.mentee, { message: 'x', urgency: 'yesterday' }).expect(400);
      // An explicit null is the default, as absence is (the fuzzer found it a 500 once).
      const nullUrgency = await t.http().post(`/api/programs/${outsider.programId}/referrals`).set(outsider.mentee.auth).send({ message: 'Null urgency', urgency: null }).expect(201);
      expect(nullUrgency.body.urgency).toBe('routine');
      await post(outsider.mentee, { message: 'Help' }).expect(404);
      await post(p.coordinator, { message: 'Help' }).expect(403);
      const created = await post(p.mentee, { message: 'I cannot sleep before exams', urgency: 'soon' }).expect(201);
      expect(created.body).toMatchObject({ message: 'I cannot sleep before exams', urgency: 'soon', closedAt: null });

      // Mentors never see it, in any route.
      await t.http().get(`/api/programs/${p.programId}/referrals`).set(p.mentor.auth).expect(403);
      await t.http().get(`/api/programs/${p.programId}/referrals/${created.body.id as string}`).set(p.mentor.auth).expect(403);
      const mentorsOwn = await t.http().get('/api/me/referrals').set(p.mentor.auth).expect(200);
      expect(mentorsOwn.body).toEqual([]);
      await t.http().get(`/api/programs/${p.programId}/health`).set(p.mentor.auth).expect(403);
      await t.http().get(`/api/programs/${p.programId}/referrals`).set(outsider.coordinator.auth).expect(404);

      const list = await t.http().get(`/api/programs/${p.programId}/referrals`).set(p.coordinator.auth).expect(200);
      expect(list.body).toEqual([expect.objectContaining({ id: created.body.id, studentId: p.mentee.user.id, message: 'I cannot sleep before exams' })]);
      const audit: Array<{ actor_id: string; subject_user_id: string }> = await t.dataSource.query(`SELECT actor_id, subject_user_id FROM audit_log WHERE action = 'referral.read' AND program_id = $1`, [p.programId]);
      expect(audit).toEqual([{ actor_id: p.coordinator.user.id, subject_user_id: p.mentee.user.id }]);

      const path = `/api/programs/${p.programId}/referrals/${created.body.id as string}/close`;
      await t.http().post(path).set(p.coordinator.auth).send({ note: '' }).expect(400);
      const closed = await t.http().post(path).set(p.coordinator.auth).send({ note: 'Referred to student counselling' }).expect(200);
      expect((closed.body as ReferralResponse).closeNote).toBe('Referred to student counselling');
      await t.http().post(path).set(p.coordinator.auth).send({ note: 'again' }).expect(409);
      const own = await t.http().get('/api/me/referrals').set(p.mentee.auth).expect(200);
      expect(own.body[0].closedAt).not.toBeNull();
      expect(own.text).not.toContain('Referred to student counselling');
    });
  });

  // ---- pair health ----------------------------------------------------------------------------------------

  describe('pair health', () => {
    it('is on_track for a new pair, with its facts', async () => {
      const p = await pair();
      const row = await rowOf(p);
      expect(row).toMatchObject({ mentorshipId: p.mentorshipId, menteeId: p.mentee.user.id, mentorId: p.mentor.user.id, status: 'on_track', reasons: [], sessionsHeld: 0, noShows: 0, lastSessionAt: null, nextSessionAt: null });
    });

    it('NO_SHOWS: two missed sessions put the pair at risk, one does not', async () => {
      const p = await pair();
      await session(p, -3, 'no_show');
      expect((await rowOf(p)).status).toBe('on_track');
      await session(p, -2, 'no_show');
      await session(p, -1, 'attended');
      const next = await session(p, 2);
      const row = await rowOf(p);
      expect(row).toMatchObject({ status: 'at_risk', reasons: [{ code: 'NO_SHOWS' }], noShows: 2, sessionsHeld: 1 });
      expect(row.nextSessionAt).not.toBeNull();
      expect(next).toBeDefined();
    });

    it('LOW_CHECK_IN: the latest rating of 2 or less', async () => {
      const p = await pair();
      const checkIn = (rating: number) => t.http().post(`/api/mentorships/${p.mentorshipId}/check-ins`).set(p.mentee.auth).send({ rating }).expect(201);
      await checkIn(3);
      expect((await rowOf(p)).status).toBe('on_track');
      await checkIn(2);
      expect(await rowOf(p)).toMatchObject({ status: 'at_risk', reasons: [{ code: 'LOW_CHECK_IN' }] });
      await checkIn(4);
      expect((await rowOf(p)).status).toBe('on_track');
    });

    it('REFERRAL: the mentee asked for help in the last 30 days', async () => {
      const p = await pair();
      const res = await t.http().post(`/api/programs/${p.programId}/referrals`).set(p.mentee.auth).send({ message: 'Help' }).expect(201);
      expect(await rowOf(p)).toMatchObject({ status: 'at_risk', reasons: [{ code: 'REFERRAL' }] });
      await t.dataSource.query(`UPDATE referral SET created_at = now() - interval '31 days' WHERE id = $1`, [res.body.id]);
      expect((await rowOf(p)).status).toBe('on_track');
    });

    it('NO_RECENT_SESSION: nothing held or scheduled within STALL_DAYS (21) of the start or the last held session, none upcoming', async () => {
      const p = await pair();
      await signedAgreement(p);
      await startedDaysAgo(p, 20);
      expect((await rowOf(p)).status).toBe('on_track');
      await startedDaysAgo(p, 22);
      expect(await rowOf(p)).toMatchObject({ status: 'needs_check_in', reasons: [{ code: 'NO_RECENT_SESSION' }] });
      // A session upcoming, however far, is enough.
      const upcoming = await session(p, 30);
      expect((await rowOf(p)).status).toBe('on_track');
      await t.dataSource.query(`UPDATE mentoring_session SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [upcoming]);
      await t.dataSource.query(`UPDATE session_attendee SET active = false WHERE session_id = $1`, [upcoming]);
      expect((await rowOf(p)).status).toBe('needs_check_in');
      // A session held 10 days ago restarts the clock; one held 25 days ago does not.
      const held = await session(p, -10, 'attended');
      const row = await rowOf(p);
      expect(row.status).toBe('on_track');
      expect(row.lastSessionAt).not.toBeNull();
      await t.dataSource.query(`UPDATE mentoring_session SET starts_at = starts_at - interval '15 days', ends_at = ends_at - interval '15 days' WHERE id = $1`, [held]);
      await t.dataSource.query(`UPDATE session_attendee SET starts_at = starts_at - interval '15 days', ends_at = ends_at - interval '15 days' WHERE session_id = $1`, [held]);
      expect((await rowOf(p)).status).toBe('needs_check_in');
    });

    it('NO_AGREEMENT: not signed by both 14 days after the start', async () => {
      const p = await pair();
      await session(p, -1, 'attended');
      await startedDaysAgo(p, 13);
      expect((await rowOf(p)).status).toBe('on_track');
      await startedDaysAgo(p, 15);
      expect(await rowOf(p)).toMatchObject({ status: 'needs_check_in', reasons: [{ code: 'NO_AGREEMENT' }] });
      await t.http().put(`/api/mentorships/${p.mentorshipId}/agreement`).set(p.mentor.auth).send({ goals: ['Pass anatomy'], meetingsPerMonth: 2 }).expect(200);
      await t.http().post(`/api/mentorships/${p.mentorshipId}/agreement/sign`).set(p.mentor.auth).send({}).expect(200);
      expect((await rowOf(p)).status).toBe('needs_check_in');
      await t.http().post(`/api/mentorships/${p.mentorshipId}/agreement/sign`).set(p.mentee.auth).send({}).expect(200);
      expect((await rowOf(p)).status).toBe('on_track');
    });

    it('lets at_risk take precedence over needs_check_in, naming the at_risk reasons', async () => {
      const p = await pair();
      await startedDaysAgo(p, 40);
      await session(p, -35, 'no_show');
      await session(p, -34, 'no_show');
      await t.http().post(`/api/mentorships/${p.mentorshipId}/check-ins`).set(p.mentee.auth).send({ rating: 1 }).expect(201);
      expect(await rowOf(p)).toMatchObject({ status: 'at_risk', reasons: [{ code: 'NO_SHOWS' }, { code: 'LOW_CHECK_IN' }] });
    });

    it('filters by status, lists active pairs only, and is for the program’s coordinators only', async () => {
      const risky = await pair();
      const fine = await pair(risky.programId, risky.coordinator);
      const ended = await pair(risky.programId, risky.coordinator);
      await t.dataSource.query(`UPDATE mentorship SET status = 'ended', ended_at = now() WHERE id = $1`, [ended.mentorshipId]);
      await t.http().post(`/api/mentorships/${risky.mentorshipId}/check-ins`).set(risky.mentee.auth).send({ rating: 1 }).expect(201);
      const all = await board(risky);
      // At-risk pairs first; the ended pair is not on the board.
      expect(all.map((r) => r.mentorshipId)).toEqual([risky.mentorshipId, fine.mentorshipId]);
      const atRisk = await board(risky, '?status=at_risk');
      expect(atRisk.map((r) => r.mentorshipId)).toEqual([risky.mentorshipId]);
      await t.http().get(`/api/programs/${risky.programId}/health?status=doomed`).set(risky.coordinator.auth).expect(400);
      const other = await pair();
      await t.http().get(`/api/programs/${risky.programId}/health`).set(other.coordinator.auth).expect(404);
    });

    it('records a pair turning to need attention once, however often the board is read', async () => {
      const p = await pair();
      await board(p);
      await t.http().post(`/api/mentorships/${p.mentorshipId}/check-ins`).set(p.mentee.auth).send({ rating: 1 }).expect(201);
      await Promise.all([board(p), board(p), board(p)]);
      await board(p);
      const [state] = await t.dataSource.query(`SELECT status, episode FROM pair_health_state WHERE mentorship_id = $1`, [p.mentorshipId]);
      expect(state).toEqual({ status: 'at_risk', episode: 1 });
      // Back on track, then in trouble again: a second episode.
      await t.http().post(`/api/mentorships/${p.mentorshipId}/check-ins`).set(p.mentee.auth).send({ rating: 5 }).expect(201);
      await t.http().post(`/api/mentorships/${p.mentorshipId}/check-ins`).set(p.mentee.auth).send({ rating: 2 }).expect(201);
      await board(p);
      const [again] = await t.dataSource.query(`SELECT status, episode FROM pair_health_state WHERE mentorship_id = $1`, [p.mentorshipId]);
      expect(again).toEqual({ status: 'at_risk', episode: 2 });
    });
  });

  // ---- notifications --------------------------------------------------------------------------------------

  describe('notifications', () => {
    const notifications = async (who: TestUser): Promise<Notification[]> => (await t.http().get('/api/me/notifications').set(who.auth).expect(200)).body as Notification[];
    const ofKind = async (who: TestUser, kind: string): Promise<Notification[]> => (await notifications(who)).filter((n) => n.kind === kind);
    const until = async (what: string, condition: () => Promise<boolean>): Promise<void> => {
      const deadline = Date.now() + 10_000;
      while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    function listen(who: TestUser): Promise<Array<{ event: string; payload: unknown }>> {
      const events: Array<{ event: string; payload: unknown }> = [];
      const socket = io(`${baseUrl}/chat`, { auth: { token: who.token }, transports: ['websocket'], forceNew: true, reconnection: false });
      sockets.push(socket);
      socket.onAny((event: string, payload: unknown) => events.push({ event, payload }));
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(events));
        socket.once('connect_error', reject);
      });
    }

    it('tells the coordinators once when a pair turns to need attention, however often the board is read, and never the pair', async () => {
      const p = await pair();
      await board(p);
      await t.http().post(`/api/mentorships/${p.mentorshipId}/check-ins`).set(p.mentee.auth).send({ rating: 1 }).expect(201);
      await Promise.all([board(p), board(p), board(p), board(p)]);
      await board(p);
      const sent = await ofKind(p.coordinator, 'pair_needs_attention');
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ link: `/programs/${p.programId}/pair-health`, title: 'Mentee and Mentor need attention' });
      expect(await ofKind(p.mentor, 'pair_needs_attention')).toEqual([]);
      expect(await ofKind(p.mentee, 'pair_needs_attention')).toEqual([]);
      // A second coordinator added later hears of the next episode, not of this one again.
      await t.http().post(`/api/mentorships/${p.mentorshipId}/check-ins`).set(p.mentee.auth).send({ rating: 5 }).expect(201);
      await board(p);
      expect(await ofKind(p.coordinator, 'pair_needs_attention')).toHaveLength(1);
      await t.http().post(`/api/mentorships/${p.mentorshipId}/check-ins`).set(p.mentee.auth).send({ rating: 2 }).expect(201);
      expect(await ofKind(p.coordinator, 'pair_needs_attention')).toHaveLength(2);
    });

    it('a referral reaches the coordinators; the mentor gets nothing of it, in no route and no socket event', async () => {
      const p = await pair();
      const mentorEvents = await listen(p.mentor);
      const coordinatorEvents = await listen(p.coordinator);
      const secret = 'REFERRAL-SECRET-91c2: my mentor makes me uncomfortable';
      const created = await t.http().post(`/api/programs/${p.programId}/referrals`).set(p.mentee.auth).send({ message: secret, urgency: 'urgent' }).expect(201);
      await until('the coordinators’ notification', async () => (await ofKind(p.coordinator, 'referral')).length === 1);
      await until('the coordinator’s socket event', () => Promise.resolve(coordinatorEvents.some((e) => e.event === 'notification:new' && (e.payload as Notification).kind === 'referral')));
      const [note] = await ofKind(p.coordinator, 'referral');
      expect(note?.link).toBe(`/programs/${p.programId}/referrals`);
      expect(JSON.stringify(note)).not.toContain('REFERRAL-SECRET');
      // The board read below notifies the coordinators too (REFERRAL puts the pair at risk); give the mentor's socket time to receive anything it would.
      await board(p);
      await new Promise((r) => setTimeout(r, 500));
      expect(JSON.stringify(mentorEvents)).not.toContain('referral');
      expect(JSON.stringify(mentorEvents)).not.toContain('REFERRAL-SECRET');
      expect(mentorEvents.filter((e) => e.event === 'notification:new')).toEqual([]);
      const mentorsList = JSON.stringify(await notifications(p.mentor));
      expect(mentorsList).not.toContain('referral');
      expect(mentorsList).not.toContain('REFERRAL-SECRET');
      for (const path of [`/api/programs/${p.programId}/referrals`, `/api/programs/${p.programId}/referrals/${created.body.id as string}`, `/api/programs/${p.programId}/health`]) {
        const res = await t.http().get(path).set(p.mentor.auth);
        expect(res.status).toBe(403);
        expect(res.text).not.toContain('REFERRAL-SECRET');
      }
      for (const path of ['/api/me/referrals', `/api/mentorships/${p.mentorshipId}/agreement`, `/api/mentorships/${p.mentorshipId}/session-logs`, '/api/me/mentorships', '/api/me/sessions']) {
        const res = await t.http().get(path).set(p.mentor.auth);
        expect(res.text).not.toContain('REFERRAL-SECRET');
      }
    });

    it('sends each coordinator one weekly digest of the board per run', async () => {
      const p = await pair();
      await t.http().post(`/api/mentorships/${p.mentorshipId}/check-ins`).set(p.mentee.auth).send({ rating: 1 }).expect(201);
      const jobs = t.app.get(PairHealthJobs);
      await jobs.digest('run-1');
      await jobs.digest('run-1');
      const digests = await ofKind(p.coordinator, 'pair_health_digest');
      expect(digests).toHaveLength(1);
      expect(digests[0]?.title).toContain('1 at risk');
      expect(await ofKind(p.mentor, 'pair_health_digest')).toEqual([]);
    });
  });

  // ---- mentor hours -------------------------------------------------------------------------------------

  describe('mentor hours', () => {
    it('counts sessions held and logged minutes per mentor, and prints a certificate once the program has ended', async () => {
      const p = await pair();
      const a = await session(p, -3, 'attended');
      const b = await session(p, -2, 'attended');
      await session(p, -1, 'no_show');
      await t.http().put(`/api/sessions/${a}/log`).set(p.mentor.auth).send({ topics: ['exams'], minutes: 50 }).expect(200);
      await t.http().put(`/api/sessions/${b}/log`).set(p.mentor.auth).send({ topics: ['research'], minutes: 70 }).expect(200);
      const list = await t.http().get(`/api/programs/${p.programId}/mentor-hours`).set(p.coordinator.auth).expect(200);
      expect(list.body).toEqual([expect.objectContaining({ mentorId: p.mentor.user.id, mentees: 1, sessionsHeld: 2, loggedMinutes: 120, completed: false })]);
      const cert = `/api/programs/${p.programId}/mentor-hours/${p.mentor.user.id}/certificate`;
      await t.http().get(cert).set(p.coordinator.auth).expect(409);
      await t.dataSource.query(`UPDATE program SET starts_on = current_date - 200, ends_on = current_date - 1 WHERE id = $1`, [p.programId]);
      const en = await t.http().get(cert).set(p.coordinator.auth).expect(200);
      expect(en.headers['content-type']).toContain('text/html');
      expect(en.text).toContain('Certificate of participation');
      const fa = await t.http().get(`${cert}?lang=fa`).set(p.mentor.auth).expect(200);
      expect(fa.text).toContain('dir="rtl"');
      await t.http().get(cert).set(p.mentee.auth).expect(404);
      await t.http().get(`${cert}?lang=de`).set(p.coordinator.auth).expect(400);
      const csv = await t.http().get(`/api/programs/${p.programId}/mentor-hours.csv`).set(p.coordinator.auth).expect(200);
      expect(csv.text.split('\r\n')[1]).toContain(',1,2,120,2,yes');
    });
  });
});
