import ical, { type VEvent } from 'node-ical';
import { EnrollmentRole, MentorshipStatus } from '@pm/contracts';
import { MentorshipEntity } from '@api/matching/mentorship.entity';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

const events = (text: string): VEvent[] => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c.type === 'VEVENT');

describe('calendar feeds (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  async function pair(): Promise<{ programId: string; mentor: TestUser; mentee: TestUser; mentorshipId: string; coordinator: TestUser }> {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator, { startsOn: '2026-10-01', endsOn: '2031-06-30' });
    const mentor = await newMentor(t, { fullName: 'Dr Mentor' });
    const mentee = await newMentee(t, { fullName: 'Mia Mentee' });
    await enrol(t, program.id, mentor, EnrollmentRole.Mentor);
    await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
    const repo = t.dataSource.getRepository(MentorshipEntity);
    const m = await repo.save(repo.create({ programId: program.id, mentorId: mentor.user.id, menteeId: mentee.user.id, status: MentorshipStatus.Active }));
    return { programId: program.id, mentor, mentee, mentorshipId: m.id, coordinator };
  }

  /** The path of a feed URL, so supertest can fetch it from the in-process app. */
  const pathOf = (url: string): string => new URL(url).pathname;

  async function feedUrl(user: TestUser): Promise<string> {
    const res = await t.http().post('/api/me/calendar-feed').set(user.auth).expect(201);
    expect(res.body.url).toMatch(/^http:\/\/127\.0\.0\.1(:\d+)?\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(res.body.webcalUrl).toBe(res.body.url.replace(/^http:/, 'webcal:'));
    return res.body.url as string;
  }

  it('serves every session as a VEVENT whose UID stays while SEQUENCE rises; cancelled ones stay, marked cancelled', async () => {
    const p = await pair();
    const book = async (startsAt: string, endsAt: string, extra: Record<string, unknown> = { modality: 'virtual' }): Promise<{ id: string; meetingUrl: string | null }> =>
      (await t.http().post('/api/sessions').set(p.mentee.auth).send({ mentorshipId: p.mentorshipId, startsAt, endsAt, ...extra }).expect(201)).body;
    const a = await book('2030-05-06T10:00:00+02:00', '2030-05-06T11:00:00+02:00');
    const b = await book('2030-05-07T10:00:00+02:00', '2030-05-07T11:00:00+02:00', { modality: 'in_person', location: 'Anatomy 2.14' });
    const c = await book('2030-05-08T10:00:00+02:00', '2030-05-08T11:00:00+02:00');
    const url = await feedUrl(p.mentee);

    const before = await t.http().get(pathOf(url)).expect(200);
    expect(before.headers['content-type']).toMatch(/^text\/calendar/);
    expect(before.text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(before.text).toContain('X-PUBLISHED-TTL:PT1H');
    expect(before.text).toMatch(/DTSTART:20300506T080000Z/);
    const first = events(before.text);
    expect(first.map((e) => e.uid).sort()).toEqual([a.id, b.id, c.id].map((id) => `${id}@peer-mentoring`).sort());
    const byId = (list: VEvent[], id: string): VEvent => list.find((e) => e.uid === `${id}@peer-mentoring`) as VEvent;
    expect(byId(first, a.id)).toMatchObject({ sequence: '0', status: 'CONFIRMED', summary: 'Mentoring with Dr Mentor', location: a.meetingUrl });
    expect(byId(first, a.id).start.toISOString()).toBe('2030-05-06T08:00:00.000Z');
    expect(byId(first, b.id)).toMatchObject({ location: 'Anatomy 2.14' });

    await t.http().patch(`/api/sessions/${a.id}`).set(p.mentor.auth).send({ startsAt: '2030-05-06T12:00:00+02:00', endsAt: '2030-05-06T13:00:00+02:00' }).expect(200);
    await t.http().patch(`/api/sessions/${a.id}`).set(p.mentor.auth).send({ startsAt: '2030-05-06T14:00:00+02:00', endsAt: '2030-05-06T15:00:00+02:00' }).expect(200);
    await t.http().patch(`/api/sessions/${c.id}`).set(p.mentee.auth).send({ status: 'cancelled', reason: 'Exam moved' }).expect(200);

    const after = events((await t.http().get(pathOf(url)).expect(200)).text);
    expect(after).toHaveLength(3);
    expect(byId(after, a.id)).toMatchObject({ sequence: '2', status: 'CONFIRMED' });
    expect(byId(after, a.id).start.toISOString()).toBe('2030-05-06T12:00:00.000Z');
    expect(byId(after, b.id)).toMatchObject({ sequence: '0', status: 'CONFIRMED' });
    expect(byId(after, c.id)).toMatchObject({ sequence: '1', status: 'CANCELLED' });
    expect(String(byId(after, c.id).description)).toContain('Exam moved');

    // The mentor's own feed shows the same sessions under the same UIDs.
    const mentorFeed = events((await t.http().get(pathOf(await feedUrl(p.mentor))).expect(200)).text);
    expect(byId(mentorFeed, a.id)).toMatchObject({ sequence: '2', summary: 'Mentoring with Mia Mentee' });
  });

  it('answers a matching If-None-Match with 304 and a changed feed with a new ETag', async () => {
    const p = await pair();
    const url = pathOf(await feedUrl(p.mentee));
    const first = await t.http().get(url).expect(200);
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await t.http().get(url).set('If-None-Match', etag).expect(304);
    expect(again.text ?? '').toBe('');
    await t.http().post('/api/sessions').set(p.mentee.auth).send({ mentorshipId: p.mentorshipId, startsAt: '2030-05-06T10:00:00Z', endsAt: '2030-05-06T11:00:00Z', modality: 'virtual' }).expect(201);
    const changed = await t.http().get(url).set('If-None-Match', etag).expect(200);
    expect(changed.headers['etag']).not.toBe(etag);
  });

  it('answers 404 for an unknown, a malformed, a replaced and a revoked address', async () => {
    const p = await pair();
    await t.http().get(`/api/calendar/${'A'.repeat(43)}.ics`).expect(404);
    await t.http().get('/api/calendar/not-a-token').expect(404);
    const first = pathOf(await feedUrl(p.mentee));
    const replaced = await t.http().post('/api/me/calendar-feed/replace').set(p.mentee.auth).expect(201);
    const second = pathOf(replaced.body.url as string);
    await t.http().get(first).expect(404);
    await t.http().get(second).expect(200);
    expect((await t.http().get('/api/me/calendar-feed').set(p.mentee.auth).expect(200)).body).toMatchObject({ active: true });
    await t.http().delete('/api/me/calendar-feed').set(p.mentee.auth).expect(204);
    const gone = await t.http().get(second).expect(404);
    expect(gone.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Calendar feed not found', code: 'CALENDAR_FEED_NOT_FOUND' });
    expect((await t.http().get('/api/me/calendar-feed').set(p.mentee.auth).expect(200)).body).toEqual({ active: false, createdAt: null, url: null, webcalUrl: null });
  });

  it('stores only a hash of the token', async () => {
    const p = await pair();
    const url = await feedUrl(p.mentee);
    const token = /calendar\/([^/.]+)\.ics$/.exec(url)?.[1] as string;
    const rows: Array<{ token_hash: string }> = await t.dataSource.query('SELECT token_hash FROM calendar_feed WHERE user_id = $1', [p.mentee.user.id]);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('holds nothing about grades', async () => {
    const p = await pair();
    const csv = `student_email,assessment,taken_on,score,max_score\n${p.mentee.user.email},Cardiology OSCE,2026-09-01,42,100\n`;
    await t.http().post(`/api/programs/${p.programId}/academic-records/import`).set(p.coordinator.auth).set('Content-Type', 'text/csv').send(csv).expect(200);
    await t.http().post('/api/sessions').set(p.mentee.auth).send({ mentorshipId: p.mentorshipId, startsAt: '2030-05-06T10:00:00Z', endsAt: '2030-05-06T11:00:00Z', modality: 'virtual' }).expect(201);
    const text = (await t.http().get(pathOf(await feedUrl(p.mentee))).expect(200)).text;
    expect(text).not.toMatch(/Cardiology OSCE|score|grade/i);
  });

  it('downloads a single session as an .ics file for its participants only', async () => {
    const p = await pair();
    const s = await t.http().post('/api/sessions').set(p.mentee.auth).send({ mentorshipId: p.mentorshipId, startsAt: '2030-05-06T10:00:00Z', endsAt: '2030-05-06T11:00:00Z', modality: 'virtual' }).expect(201);
    const res = await t.http().get(`/api/sessions/${s.body.id}/calendar.ics`).set(p.mentor.auth).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="session-${s.body.id}.ics"`);
    const [event] = events(res.text);
    expect(event?.uid).toBe(`${s.body.id}@peer-mentoring`);
    expect(JSON.stringify(event?.url)).toContain(s.body.meetingUrl);
    await t.http().get(`/api/sessions/${s.body.id}/calendar.ics`).set((await newMentee(t)).auth).expect(404);
    await t.http().get(`/api/sessions/${s.body.id}/calendar.ics`).expect(401);
  });

  it('shows a group session the mentee left as cancelled in their feed, with a higher SEQUENCE', async () => {
    const p = await pair();
    const other = await newMentee(t);
    await enrol(t, p.programId, other, EnrollmentRole.Mentee);
    const repo = t.dataSource.getRepository(MentorshipEntity);
    const m2 = await repo.save(repo.create({ programId: p.programId, mentorId: p.mentor.user.id, menteeId: other.user.id, status: MentorshipStatus.Active }));
    const s = await t
      .http()
      .post('/api/sessions')
      .set(p.mentor.auth)
      .send({ mentorshipId: p.mentorshipId, additionalMentorshipIds: [m2.id], seatLimit: 4, startsAt: '2030-05-06T10:00:00Z', endsAt: '2030-05-06T11:00:00Z', modality: 'virtual' })
      .expect(201);
    const url = pathOf(await feedUrl(other));
    expect(events((await t.http().get(url).expect(200)).text)[0]).toMatchObject({ status: 'CONFIRMED', sequence: '0' });
    await t.http().post(`/api/sessions/${s.body.id}/leave`).set(other.auth).expect(200);
    expect(events((await t.http().get(url).expect(200)).text)[0]).toMatchObject({ status: 'CANCELLED', sequence: '1' });
  });
});
