import { EnrollmentRole, MentorshipStatus, type CreateSessionResponse, type SessionResponse } from '@pm/contracts';
import { MentorshipEntity } from '@api/matching/mentorship.entity';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

interface Pair {
  programId: string;
  mentor: TestUser;
  mentee: TestUser;
  mentorshipId: string;
}

describe('sessions (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  async function mentorship(programId: string, mentor: TestUser, mentee: TestUser): Promise<string> {
    await enrol(t, programId, mentor, EnrollmentRole.Mentor).catch(() => undefined);
    await enrol(t, programId, mentee, EnrollmentRole.Mentee);
    const repo = t.dataSource.getRepository(MentorshipEntity);
    const m = await repo.save(repo.create({ programId, mentorId: mentor.user.id, menteeId: mentee.user.id, status: MentorshipStatus.Active }));
    return m.id;
  }

  async function pair(timezone = 'Europe/Berlin', mentor?: TestUser): Promise<Pair> {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator, { timezone });
    const m = mentor ?? (await newMentor(t));
    const mentee = await newMentee(t);
    return { programId: program.id, mentor: m, mentee, mentorshipId: await mentorship(program.id, m, mentee) };
  }

  const virtual = (p: Pair, startsAt: string, endsAt: string): Record<string, unknown> => ({ mentorshipId: p.mentorshipId, startsAt, endsAt, modality: 'virtual' });

  describe('POST /api/sessions', () => {
    it('books a virtual session with a meeting link on MEETING_BASE_URL, seen by both people', async () => {
      const p = await pair();
      const res = await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-05-06T10:00:00+02:00', '2030-05-06T11:00:00+02:00')).expect(201);
      const body = res.body as CreateSessionResponse;
      expect(body).toMatchObject({ id: expect.any(String), status: 'scheduled', modality: 'virtual', startsAt: '2030-05-06T08:00:00.000Z', endsAt: '2030-05-06T09:00:00.000Z', myRole: 'mentee', sequence: 0 });
      expect(body.meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\/pm-[0-9a-f]{32}$/);
      expect(body.attendees).toEqual([expect.objectContaining({ userId: p.mentee.user.id, attendance: null })]);
      for (const who of [p.mentor, p.mentee]) {
        const mine = await t.http().get('/api/me/sessions').set(who.auth).expect(200);
        expect((mine.body as SessionResponse[]).map((s) => s.id)).toEqual([body.id]);
      }
      const second = await t.http().post('/api/sessions').set(p.mentor.auth).send(virtual(p, '2030-05-07T10:00:00+02:00', '2030-05-07T11:00:00+02:00')).expect(201);
      expect(second.body.meetingUrl).not.toBe(body.meetingUrl);
    });

    it('books an in_person session with its room', async () => {
      const p = await pair();
      const res = await t
        .http()
        .post('/api/sessions')
        .set(p.mentor.auth)
        .send({ mentorshipId: p.mentorshipId, startsAt: '2030-05-06T10:00:00+02:00', endsAt: '2030-05-06T11:00:00+02:00', modality: 'in_person', location: 'Anatomy 2.14' })
        .expect(201);
      expect(res.body).toMatchObject({ status: 'scheduled', location: 'Anatomy 2.14', meetingUrl: null, myRole: 'mentor' });
    });

    it.each([
      ['end before start', { startsAt: '2030-05-06T11:00:00+02:00', endsAt: '2030-05-06T10:00:00+02:00' }, 400],
      ['end equal to start', { startsAt: '2030-05-06T11:00:00+02:00', endsAt: '2030-05-06T11:00:00+02:00' }, 400],
      ['longer than a day', { startsAt: '2030-05-06T10:00:00+02:00', endsAt: '2030-05-07T10:00:01+02:00' }, 400],
      ['a past start', { startsAt: '2020-05-06T10:00:00+02:00', endsAt: '2020-05-06T11:00:00+02:00' }, 400],
      ['in_person without location', { modality: 'in_person' }, 400],
      ['in_person with a blank location', { modality: 'in_person', location: '   ' }, 400],
      ['virtual with a location', { location: 'Room 1' }, 400],
      ['an unknown modality', { modality: 'telepathy' }, 400],
      ['a time without offset', { startsAt: '2030-05-06T10:00:00', endsAt: '2030-05-06T11:00:00' }, 400],
      ['a date that does not exist', { startsAt: '2030-02-30T10:00:00Z', endsAt: '2030-02-30T11:00:00Z' }, 400],
      ['a number for a time', { startsAt: 1_900_000_000_000 }, 400],
      ['a malformed mentorship id', { mentorshipId: 'nope' }, 400],
      ['an unknown mentorship', { mentorshipId: '6f1c1d5e-0000-4000-8000-000000000000' }, 404],
      ['an unknown field', { grade: 5 }, 400],
      ['a seat limit of 0', { seatLimit: 0 }, 400],
      ['53 weekly occurrences', { weeklyOccurrences: 53 }, 400],
    ])('refuses %s, never with a 500', async (_label, patch, status) => {
      const p = await pair();
      const res = await t
        .http()
        .post('/api/sessions')
        .set(p.mentee.auth)
        .send({ ...virtual(p, '2030-05-06T10:00:00+02:00', '2030-05-06T11:00:00+02:00'), ...patch });
      expect(res.status).toBe(status);
      expect(res.body).toEqual(expect.objectContaining({ statusCode: status, error: expect.any(String), message: expect.anything() }));
    });

    it('answers 404 for a mentorship that is not the caller’s, and 401 without a token', async () => {
      const p = await pair();
      const stranger = await newMentee(t);
      const res = await t.http().post('/api/sessions').set(stranger.auth).send(virtual(p, '2030-05-06T10:00:00+02:00', '2030-05-06T11:00:00+02:00')).expect(404);
      expect(res.body.code).toBe('MENTORSHIP_NOT_FOUND');
      await t.http().post('/api/sessions').send(virtual(p, '2030-05-06T10:00:00+02:00', '2030-05-06T11:00:00+02:00')).expect(401);
    });

    it('refuses a booking on an ended mentorship with 409', async () => {
      const p = await pair();
      await t.dataSource.query(`UPDATE mentorship SET status = 'ended', ended_at = now() WHERE id = $1`, [p.mentorshipId]);
      await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-05-06T10:00:00+02:00', '2030-05-06T11:00:00+02:00')).expect(409);
    });
  });

  describe('no double booking', () => {
    it('refuses an overlap with 409 naming the clashing time; touching sessions are fine', async () => {
      const p = await pair();
      await t.http().post('/api/sessions').set(p.mentor.auth).send(virtual(p, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z')).expect(201);
      const clash = await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-05-06T10:30:00Z', '2030-05-06T11:30:00Z')).expect(409);
      expect(clash.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'SESSION_CONFLICT', conflict: { startsAt: '2030-05-06T10:00:00.000Z', endsAt: '2030-05-06T11:00:00.000Z' } });
      expect(clash.body.message).toContain('2030-05-06T10:00:00.000Z');
      await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-05-06T11:00:00Z', '2030-05-06T12:00:00Z')).expect(201);
      await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-05-06T09:00:00+00:00', '2030-05-06T12:00:00+02:00')).expect(201);
    });

    it('refuses a mentee two overlapping sessions with two different mentors', async () => {
      const a = await pair();
      const coordinator = await newCoordinator(t);
      const program = await newProgram(t, coordinator);
      const otherMentor = await newMentor(t);
      const second = await mentorship(program.id, otherMentor, a.mentee);
      await t.http().post('/api/sessions').set(a.mentee.auth).send(virtual(a, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z')).expect(201);
      const res = await t
        .http()
        .post('/api/sessions')
        .set(otherMentor.auth)
        .send({ mentorshipId: second, startsAt: '2030-05-06T10:59:00Z', endsAt: '2030-05-06T11:30:00Z', modality: 'virtual' })
        .expect(409);
      // The mentor's booking meets the mentee's session with another mentor: the other person's, for the mentor.
      expect(res.body.message).toMatch(/The other person already has a session from 2030-05-06T10:00:00.000Z/);
      expect(res.body.conflict).toEqual({ startsAt: '2030-05-06T10:00:00.000Z', endsAt: '2030-05-06T11:00:00.000Z', who: 'other' });
    });

    it('keeps a person out of two sessions whatever their part in each', async () => {
      // A year-4 student mentors in one program and is mentored by a year-6 student in another.
      const p = await pair();
      const coordinator = await newCoordinator(t);
      const program = await newProgram(t, coordinator);
      const senior = await newMentor(t, { yearOfStudy: 6 });
      const asMentee = await mentorship(program.id, senior, p.mentor);
      await t.http().post('/api/sessions').set(p.mentor.auth).send(virtual(p, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z')).expect(201);
      await t.http().post('/api/sessions').set(senior.auth).send({ mentorshipId: asMentee, startsAt: '2030-05-06T10:30:00Z', endsAt: '2030-05-06T11:30:00Z', modality: 'virtual' }).expect(409);
    });

    it('ignores cancelled sessions', async () => {
      const p = await pair();
      const first = await t.http().post('/api/sessions').set(p.mentor.auth).send(virtual(p, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z')).expect(201);
      await t.http().patch(`/api/sessions/${first.body.id}`).set(p.mentee.auth).send({ status: 'cancelled', reason: 'Exam moved' }).expect(200);
      await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z')).expect(201);
    });

    it('is enforced by the database itself, whatever the code path', async () => {
      const p = await pair();
      const res = await t.http().post('/api/sessions').set(p.mentor.auth).send(virtual(p, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z')).expect(201);
      await expect(
        t.dataSource.query(
          `INSERT INTO mentoring_session (program_id, mentorship_id, mentor_id, starts_at, ends_at, modality, meeting_url)
           VALUES ($1, $2, $3, '2030-05-06T10:30:00Z', '2030-05-06T10:45:00Z', 'virtual', 'x')`,
          [p.programId, p.mentorshipId, p.mentor.user.id],
        ),
      ).rejects.toMatchObject({ driverError: { code: '23P01' } });
      await expect(
        t.dataSource.query(`INSERT INTO session_attendee (session_id, user_id, role, mentorship_id, starts_at, ends_at) SELECT id, $2, 'mentee', $3, starts_at + interval '1 minute', ends_at FROM mentoring_session WHERE id = $1`, [
          res.body.id,
          p.mentee.user.id,
          p.mentorshipId,
        ]),
      ).rejects.toBeDefined();
    });
  });

  describe('races', () => {
    let base: string;
    beforeAll(async () => {
      await t.app.listen(0, '127.0.0.1');
      const address = t.app.getHttpServer().address() as { port: number };
      base = `http://127.0.0.1:${address.port}`;
    });

    const post = (token: string, body: Record<string, unknown>): Promise<number> =>
      fetch(`${base}/api/sessions`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      });

    it('lets exactly one of 50 concurrent overlapping bookings of one mentor through, round after round', async () => {
      const mentor = await newMentor(t);
      const pairs = await Promise.all(Array.from({ length: 5 }, () => pair('Europe/Berlin', mentor)));
      for (let round = 0; round < 4; round++) {
        const day = `2030-06-${String(10 + round).padStart(2, '0')}`;
        const statuses = await Promise.all(
          Array.from({ length: 50 }, (_, i) => {
            const p = pairs[i % pairs.length] as Pair;
            const minute = String(i % 30).padStart(2, '0');
            return post(i % 2 === 0 ? p.mentee.token : mentor.token, virtual(p, `${day}T10:${minute}:00Z`, `${day}T11:${minute}:00Z`));
          }),
        );
        expect(statuses.filter((s) => s === 201)).toHaveLength(1);
        expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      }
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM mentoring_session WHERE mentor_id = $1`, [mentor.user.id]);
      expect(n).toBe(4);
    });

    it('lets exactly one of 50 concurrent overlapping bookings of one mentee with two mentors through, round after round', async () => {
      const a = await pair();
      const coordinator = await newCoordinator(t);
      const program = await newProgram(t, coordinator);
      const otherMentor = await newMentor(t);
      const b: Pair = { programId: program.id, mentor: otherMentor, mentee: a.mentee, mentorshipId: await mentorship(program.id, otherMentor, a.mentee) };
      for (let round = 0; round < 4; round++) {
        const day = `2030-07-${String(10 + round).padStart(2, '0')}`;
        const statuses = await Promise.all(
          Array.from({ length: 50 }, (_, i) => {
            const p = i % 2 === 0 ? a : b;
            const minute = String(i % 30).padStart(2, '0');
            return post(i % 3 === 0 ? p.mentor.token : a.mentee.token, virtual(p, `${day}T10:${minute}:00Z`, `${day}T11:${minute}:00Z`));
          }),
        );
        expect(statuses.filter((s) => s === 201)).toHaveLength(1);
        expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      }
    }, 60_000);
  });

  describe('PATCH /api/sessions/:id', () => {
    it('cancels with a reason, raising the sequence; cancelling again changes nothing', async () => {
      const p = await pair();
      const s = await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z')).expect(201);
      const res = await t.http().patch(`/api/sessions/${s.body.id}`).set(p.mentor.auth).send({ status: 'cancelled', reason: 'Ill' }).expect(200);
      expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: 'Ill', sequence: 1, cancelledAt: expect.any(String) });
      const again = await t.http().patch(`/api/sessions/${s.body.id}`).set(p.mentee.auth).send({ status: 'cancelled' }).expect(200);
      expect(again.body.sequence).toBe(1);
      await t.http().patch(`/api/sessions/${s.body.id}`).set(p.mentee.auth).send({ startsAt: '2030-05-07T10:00:00Z', endsAt: '2030-05-07T11:00:00Z' }).expect(409);
    });

    it('reschedules, raising the sequence, and refuses a new time that overlaps with 409', async () => {
      const p = await pair();
      const s = await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z')).expect(201);
      await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-05-08T10:00:00Z', '2030-05-08T11:00:00Z')).expect(201);
      const moved = await t.http().patch(`/api/sessions/${s.body.id}`).set(p.mentee.auth).send({ startsAt: '2030-05-07T12:00:00+02:00', endsAt: '2030-05-07T13:00:00+02:00' }).expect(200);
      expect(moved.body).toMatchObject({ startsAt: '2030-05-07T10:00:00.000Z', endsAt: '2030-05-07T11:00:00.000Z', sequence: 1, status: 'scheduled' });
      // Moving within its own old time is no clash with itself.
      await t.http().patch(`/api/sessions/${s.body.id}`).set(p.mentor.auth).send({ startsAt: '2030-05-07T10:30:00Z', endsAt: '2030-05-07T11:30:00Z' }).expect(200);
      const clash = await t.http().patch(`/api/sessions/${s.body.id}`).set(p.mentor.auth).send({ startsAt: '2030-05-08T10:30:00Z', endsAt: '2030-05-08T11:30:00Z' }).expect(409);
      expect(clash.body.conflict).toEqual({ startsAt: '2030-05-08T10:00:00.000Z', endsAt: '2030-05-08T11:00:00.000Z', who: 'you' });
      const after = await t.http().get(`/api/sessions/${s.body.id}`).set(p.mentee.auth).expect(200);
      expect(after.body).toMatchObject({ startsAt: '2030-05-07T10:30:00.000Z', sequence: 2 });
    });

    it('moves an in_person session to another room, raising the sequence', async () => {
      const p = await pair();
      const s = await t
        .http()
        .post('/api/sessions')
        .set(p.mentor.auth)
        .send({ mentorshipId: p.mentorshipId, startsAt: '2030-05-06T10:00:00Z', endsAt: '2030-05-06T11:00:00Z', modality: 'in_person', location: 'Room 1' })
        .expect(201);
      const res = await t.http().patch(`/api/sessions/${s.body.id}`).set(p.mentee.auth).send({ location: 'Room 2' }).expect(200);
      expect(res.body).toMatchObject({ location: 'Room 2', sequence: 1, startsAt: '2030-05-06T10:00:00.000Z' });
    });

    it.each([
      ['nothing to change', {}, 400],
      ['an unknown status', { status: 'done' }, 400],
      ['a start without an end', { startsAt: '2030-05-07T10:00:00Z' }, 400],
      ['a cancellation with a new time', { status: 'cancelled', startsAt: '2030-05-07T10:00:00Z', endsAt: '2030-05-07T11:00:00Z' }, 400],
      ['a new time in the past', { startsAt: '2021-05-07T10:00:00Z', endsAt: '2021-05-07T11:00:00Z' }, 400],
      ['a new end before the start', { startsAt: '2030-05-07T11:00:00Z', endsAt: '2030-05-07T10:00:00Z' }, 400],
      ['a location for a virtual session', { location: 'Room 3' }, 400],
    ])('refuses %s', async (_label, body, status) => {
      const p = await pair();
      const s = await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z')).expect(201);
      await t.http().patch(`/api/sessions/${s.body.id}`).set(p.mentee.auth).send(body).expect(status);
    });

    it('answers 404 to someone who does not take part, and for unknown ids', async () => {
      const p = await pair();
      const s = await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z')).expect(201);
      const stranger = await newMentee(t);
      await t.http().patch(`/api/sessions/${s.body.id}`).set(stranger.auth).send({ status: 'cancelled' }).expect(404);
      await t.http().get(`/api/sessions/${s.body.id}`).set(stranger.auth).expect(404);
      await t.http().patch('/api/sessions/not-a-uuid').set(p.mentee.auth).send({ status: 'cancelled' }).expect(404);
    });

    it('refuses to change a session that has begun', async () => {
      const p = await pair();
      const s = await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z')).expect(201);
      await t.dataSource.query(`UPDATE mentoring_session SET starts_at = now() - interval '1 hour', ends_at = now() WHERE id = $1`, [s.body.id]);
      const res = await t.http().patch(`/api/sessions/${s.body.id}`).set(p.mentee.auth).send({ status: 'cancelled' }).expect(409);
      expect(res.body.code).toBe('SESSION_STARTED');
    });
  });

  describe('weekly series', () => {
    it('books every occurrence at the same local time across a daylight-saving change', async () => {
      const p = await pair('Europe/Berlin');
      const res = await t
        .http()
        .post('/api/sessions')
        .set(p.mentor.auth)
        .send({ ...virtual(p, '2030-03-25T10:00:00+01:00', '2030-03-25T11:00:00+01:00'), weeklyOccurrences: 3 })
        .expect(201);
      expect(res.body.seriesId).toEqual(expect.any(String));
      expect(res.body.occurrences.map((o: { startsAt: string }) => o.startsAt)).toEqual(['2030-03-25T09:00:00.000Z', '2030-04-01T08:00:00.000Z', '2030-04-08T08:00:00.000Z']);
      const mine = await t.http().get('/api/me/sessions').set(p.mentee.auth).expect(200);
      expect(mine.body).toHaveLength(3);
      expect(new Set(mine.body.map((s: SessionResponse) => s.meetingUrl)).size).toBe(3);
    });

    it('books nothing when one occurrence clashes', async () => {
      const p = await pair('Europe/Berlin');
      await t.http().post('/api/sessions').set(p.mentor.auth).send(virtual(p, '2030-04-15T10:30:00+02:00', '2030-04-15T11:30:00+02:00')).expect(201);
      const res = await t
        .http()
        .post('/api/sessions')
        .set(p.mentee.auth)
        .send({ ...virtual(p, '2030-04-01T10:00:00+02:00', '2030-04-01T11:00:00+02:00'), weeklyOccurrences: 4 })
        .expect(409);
      expect(res.body.conflict).toEqual({ startsAt: '2030-04-15T08:30:00.000Z', endsAt: '2030-04-15T09:30:00.000Z', who: 'you' });
      const mine = await t.http().get('/api/me/sessions').set(p.mentee.auth).expect(200);
      expect(mine.body).toHaveLength(1);
    });
  });

  describe('availability and slots', () => {
    const mondays = { timeZone: 'Europe/Berlin', bufferMinutes: 0, weekly: [{ weekday: 1, start: '09:00', end: '12:00' }], overrides: [] };

    it('publishes and reads back availability; refuses nonsense with 400', async () => {
      const mentor = await newMentor(t);
      expect((await t.http().get('/api/me/availability').set(mentor.auth).expect(200)).body).toMatchObject({ published: false });
      const body = { ...mondays, bufferMinutes: 15, overrides: [{ date: '2030-03-25', available: false }, { date: '2030-03-27', available: true, start: '18:00', end: '21:00' }] };
      const res = await t.http().put('/api/me/availability').set(mentor.auth).send(body).expect(200);
      expect(res.body).toMatchObject({ ...body, published: true });
      for (const bad of [
        { ...mondays, timeZone: 'Mars/Base' },
        { ...mondays, weekly: [{ weekday: 8, start: '09:00', end: '10:00' }] },
        { ...mondays, weekly: [{ weekday: 1, start: '10:00', end: '09:00' }] },
        { ...mondays, weekly: [{ weekday: 1, start: '9:00', end: '10:00' }] },
        { ...mondays, overrides: [{ date: '2030-02-30', available: false }] },
        { ...mondays, overrides: [{ date: '2030-03-01', available: true }] },
        { ...mondays, overrides: [{ date: '2030-03-01', available: false, start: '10:00', end: '11:00' }] },
        { ...mondays, bufferMinutes: -5 },
      ]) {
        await t.http().put('/api/me/availability').set(mentor.auth).send(bad).expect(400);
      }
      await t.http().delete('/api/me/availability').set(mentor.auth).expect(204);
      expect((await t.http().get('/api/me/availability').set(mentor.auth).expect(200)).body.published).toBe(false);
    });

    it('keeps a mentee’s booking inside published hours (409 outside), while the mentor books any time', async () => {
      const p = await pair();
      await t.http().put('/api/me/availability').set(p.mentor.auth).send(mondays).expect(200);
      const outside = await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-04-01T11:30:00+02:00', '2030-04-01T12:30:00+02:00')).expect(409);
      expect(outside.body.code).toBe('OUTSIDE_AVAILABILITY');
      await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-04-01T11:00:00+02:00', '2030-04-01T12:00:00+02:00')).expect(201);
      await t.http().post('/api/sessions').set(p.mentor.auth).send(virtual(p, '2030-04-02T20:00:00+02:00', '2030-04-02T21:00:00+02:00')).expect(201);
      // Rescheduling by the mentee follows the same rule.
      const s = await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-04-08T09:00:00+02:00', '2030-04-08T10:00:00+02:00')).expect(201);
      await t.http().patch(`/api/sessions/${s.body.id}`).set(p.mentee.auth).send({ startsAt: '2030-04-09T09:00:00+02:00', endsAt: '2030-04-09T10:00:00+02:00' }).expect(409);
    });

    it('keeps the mentor’s buffer around sessions for mentees’ bookings', async () => {
      const p = await pair();
      await t.http().put('/api/me/availability').set(p.mentor.auth).send({ ...mondays, bufferMinutes: 15 }).expect(200);
      await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-04-01T09:00:00+02:00', '2030-04-01T10:00:00+02:00')).expect(201);
      const res = await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-04-01T10:00:00+02:00', '2030-04-01T11:00:00+02:00')).expect(409);
      expect(res.body.message).toContain('15 minutes');
      await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-04-01T10:15:00+02:00', '2030-04-01T11:15:00+02:00')).expect(201);
    });

    it('offers the right slots around the change to summer time, for a mentor in Berlin and a mentee in New York', async () => {
      const p = await pair('Europe/Berlin');
      await t.http().put('/api/me/availability').set(p.mentor.auth).send(mondays).expect(200);
      await t.http().post('/api/sessions').set(p.mentor.auth).send(virtual(p, '2030-04-01T10:00:00+02:00', '2030-04-01T11:00:00+02:00')).expect(201);
      const res = await t
        .http()
        .get(`/api/mentorships/${p.mentorshipId}/slots`)
        .query({ from: '2030-03-01T00:00:00-05:00', to: '2030-04-08T00:00:00-04:00', timeZone: 'America/New_York', durationMinutes: '60', stepMinutes: '60' })
        .set(p.mentee.auth)
        .expect(200);
      expect(res.body).toMatchObject({ timeZone: 'America/New_York', mentorTimeZone: 'Europe/Berlin', published: true, durationMinutes: 60 });
      const starts = (res.body.slots as Array<{ startsAt: string }>).map((s) => s.startsAt);
      expect(starts).toEqual([
        // Both on winter time: 6 hours apart.
        '2030-03-04T03:00:00-05:00', '2030-03-04T04:00:00-05:00', '2030-03-04T05:00:00-05:00',
        '2030-03-11T04:00:00-04:00', '2030-03-11T05:00:00-04:00', '2030-03-11T06:00:00-04:00',
        '2030-03-18T04:00:00-04:00', '2030-03-18T05:00:00-04:00', '2030-03-18T06:00:00-04:00',
        // New York changed on 10 March, Berlin only on 31 March: 5 hours apart until then.
        '2030-03-25T04:00:00-04:00', '2030-03-25T05:00:00-04:00', '2030-03-25T06:00:00-04:00',
        // Both on summer time again; 10:00-11:00 Berlin (04:00 New York) is booked.
        '2030-04-01T03:00:00-04:00', '2030-04-01T05:00:00-04:00',
      ]);
      const mentorView = await t
        .http()
        .get(`/api/mentorships/${p.mentorshipId}/slots`)
        .query({ from: '2030-03-31T00:00:00+01:00', to: '2030-04-02T00:00:00+02:00', stepMinutes: '60' })
        .set(p.mentor.auth)
        .expect(200);
      expect(mentorView.body.timeZone).toBe('Europe/Berlin');
      expect(mentorView.body.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual(['2030-04-01T09:00:00+02:00', '2030-04-01T11:00:00+02:00']);
      expect(mentorView.body.busy).toEqual([{ startsAt: '2030-04-01T10:00:00+02:00', endsAt: '2030-04-01T11:00:00+02:00' }]);
    });

    it('answers slot queries it cannot serve with 400 or 404', async () => {
      const p = await pair();
      const url = `/api/mentorships/${p.mentorshipId}/slots`;
      await t.http().get(url).query({ from: '2030-03-02T00:00:00Z', to: '2030-03-01T00:00:00Z' }).set(p.mentee.auth).expect(400);
      await t.http().get(url).query({ from: '2030-01-01T00:00:00Z', to: '2030-06-01T00:00:00Z' }).set(p.mentee.auth).expect(400);
      await t.http().get(url).query({ from: '2030-03-01T00:00:00Z', to: '2030-03-02T00:00:00Z', timeZone: 'Nowhere/Land' }).set(p.mentee.auth).expect(400);
      await t.http().get(url).query({ from: '2030-03-01', to: '2030-03-02' }).set(p.mentee.auth).expect(400);
      await t.http().get(url).query({ from: '2030-03-01T00:00:00Z', to: '2030-03-02T00:00:00Z' }).set((await newMentee(t)).auth).expect(404);
      const unpublished = await t.http().get(url).query({ from: '2030-03-01T00:00:00Z', to: '2030-03-02T00:00:00Z' }).set(p.mentee.auth).expect(200);
      expect(unpublished.body).toMatchObject({ published: false, slots: [] });
    });
  });

  describe('group sessions and attendance', () => {
    it('lets a mentor book several mentees into a group session, others join up to the seat limit, and leave', async () => {
      const a = await pair();
      const others = [await newMentee(t), await newMentee(t), await newMentee(t)];
      const ids = await Promise.all(others.map((m) => mentorship(a.programId, a.mentor, m)));
      const res = await t
        .http()
        .post('/api/sessions')
        .set(a.mentor.auth)
        .send({ ...virtual(a, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z'), seatLimit: 3, additionalMentorshipIds: [ids[0]] })
        .expect(201);
      expect(res.body.attendees).toHaveLength(2);
      const open = await t.http().get('/api/me/open-group-sessions').set((others[1] as TestUser).auth).expect(200);
      expect(open.body.map((s: SessionResponse) => s.id)).toEqual([res.body.id]);
      expect(open.body[0].meetingUrl).toBeNull();
      const joined = await t.http().post(`/api/sessions/${res.body.id}/join`).set((others[1] as TestUser).auth).expect(200);
      expect(joined.body.attendees).toHaveLength(3);
      expect(joined.body.meetingUrl).toEqual(expect.any(String));
      const full = await t.http().post(`/api/sessions/${res.body.id}/join`).set((others[2] as TestUser).auth).expect(409);
      expect(full.body.code).toBe('SESSION_FULL');
      await t.http().post(`/api/sessions/${res.body.id}/leave`).set((others[1] as TestUser).auth).expect(200);
      await t.http().post(`/api/sessions/${res.body.id}/join`).set((others[2] as TestUser).auth).expect(200);
      await t.http().patch(`/api/sessions/${res.body.id}`).set(a.mentee.auth).send({ status: 'cancelled' }).expect(403);
      await t.http().post(`/api/sessions/${res.body.id}/join`).set((await newMentee(t)).auth).expect(404);
    });

    it('refuses a group session asked for by a mentee, or naming someone else’s mentorship', async () => {
      const a = await pair();
      const b = await pair();
      await t.http().post('/api/sessions').set(a.mentee.auth).send({ ...virtual(a, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z'), seatLimit: 3 }).expect(403);
      await t
        .http()
        .post('/api/sessions')
        .set(a.mentor.auth)
        .send({ ...virtual(a, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z'), additionalMentorshipIds: [b.mentorshipId] })
        .expect(400);
    });

    it('lets the mentor mark attendance once the session has begun', async () => {
      const p = await pair();
      const s = await t.http().post('/api/sessions').set(p.mentee.auth).send(virtual(p, '2030-05-06T10:00:00Z', '2030-05-06T11:00:00Z')).expect(201);
      const records = { records: [{ menteeId: p.mentee.user.id, attendance: 'attended' }] };
      const early = await t.http().put(`/api/sessions/${s.body.id}/attendance`).set(p.mentor.auth).send(records).expect(409);
      expect(early.body.code).toBe('SESSION_NOT_STARTED');
      await t.dataSource.query(`UPDATE mentoring_session SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [s.body.id]);
      await t.dataSource.query(`UPDATE session_attendee SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE session_id = $1`, [s.body.id]);
      await t.http().put(`/api/sessions/${s.body.id}/attendance`).set(p.mentee.auth).send(records).expect(403);
      await t.http().put(`/api/sessions/${s.body.id}/attendance`).set(p.mentor.auth).send({ records: [{ menteeId: p.mentor.user.id, attendance: 'attended' }] }).expect(400);
      await t.http().put(`/api/sessions/${s.body.id}/attendance`).set(p.mentor.auth).send({ records: [{ menteeId: p.mentee.user.id, attendance: 'late' }] }).expect(400);
      const res = await t.http().put(`/api/sessions/${s.body.id}/attendance`).set(p.mentor.auth).send({ records: [{ menteeId: p.mentee.user.id, attendance: 'no_show' }] }).expect(200);
      expect(res.body.attendees).toEqual([expect.objectContaining({ userId: p.mentee.user.id, attendance: 'no_show' })]);
    });
  });

  it('documents every scheduling and calendar route in the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths as Record<string, unknown>)).toEqual(
      expect.arrayContaining([
        '/api/sessions',
        '/api/sessions/{id}',
        '/api/sessions/{id}/attendance',
        '/api/sessions/{id}/join',
        '/api/sessions/{id}/leave',
        '/api/sessions/{id}/calendar.ics',
        '/api/me/sessions',
        '/api/me/open-group-sessions',
        '/api/me/availability',
        '/api/mentorships/{id}/slots',
        '/api/me/calendar-feed',
        '/api/calendar/{file}',
      ]),
    );
    expect(res.body.components.schemas.CreateSessionDto.required).toEqual(expect.arrayContaining(['mentorshipId', 'startsAt', 'endsAt', 'modality']));
  });

  describe('outcomes by modality', () => {
    it('gives each mentored student the modality of most of their sessions that are not cancelled; a tie or none counts in neither', async () => {
      const coordinator = await newCoordinator(t);
      const program = await newProgram(t, coordinator, { startsOn: '2026-10-01', endsOn: '2031-06-30' });
      const mentor = await newMentor(t);
      const students = await Promise.all(['virtual', 'tie', 'in-person', 'none'].map((name) => newMentee(t, { email: `${name}-${Date.now()}@outcomes.example` })));
      const ids = await Promise.all(students.map((s) => mentorship(program.id, mentor, s)));
      // The pairs began with the program, so the November results count as after mentoring (exposure window).
      await t.dataSource.query(`UPDATE mentorship SET started_on = '2026-10-01' WHERE id = ANY($1::uuid[])`, [ids]);
      let day = 1;
      const book = async (i: number, modality: string): Promise<string> => {
        const d = String(day++).padStart(2, '0');
        const res = await t
          .http()
          .post('/api/sessions')
          .set(mentor.auth)
          .send({ mentorshipId: ids[i], startsAt: `2030-08-${d}T10:00:00Z`, endsAt: `2030-08-${d}T11:00:00Z`, modality, ...(modality === 'in_person' ? { location: 'Room' } : {}) })
          .expect(201);
        return res.body.id as string;
      };
      await book(0, 'virtual');
      await book(0, 'virtual');
      await book(0, 'in_person');
      await book(1, 'virtual');
      await book(1, 'in_person');
      await book(2, 'in_person');
      for (const cancelled of [await book(2, 'virtual'), await book(2, 'virtual')]) {
        await t.http().patch(`/api/sessions/${cancelled}`).set(mentor.auth).send({ status: 'cancelled' }).expect(200);
      }
      const csv = ['student_email,assessment,taken_on,score,max_score', ...students.flatMap((s, i) => [`${s.user.email},Pre,2026-09-01,${50 + i},100`, `${s.user.email},Post,2026-11-01,${60 + 2 * i},100`])].join('\n');
      await t.http().post(`/api/programs/${program.id}/academic-records/import`).set(coordinator.auth).set('Content-Type', 'text/csv').send(csv).expect(200);
      const res = await t.http().get(`/api/programs/${program.id}/outcomes`).set(coordinator.auth).expect(200);
      expect(res.body.mentored.n).toBe(4);
      expect(res.body.byModality.virtual.n).toBe(1);
      expect(res.body.byModality.in_person.n).toBe(1);
      expect(res.body.byModality.virtual.meanChange).toBeCloseTo(10);
      expect(res.body.byModality.in_person.meanChange).toBeCloseTo(12);
    });
  });
});
