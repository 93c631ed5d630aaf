import { EnrollmentRole } from '@pm/contracts';
import { enrol, newAdmin, newCoordinator, newMentee, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

const HEADER = 'student_email,assessment,taken_on,score,max_score';

describe('grade import checks, the records screen and the audit log (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const importCsv = (programId: string, who: TestUser, csv: string, dryRun?: boolean) =>
    t.http().post(`/api/programs/${programId}/academic-records/import`).query(dryRun === undefined ? {} : { dryRun: String(dryRun) }).set(who.auth).set('Content-Type', 'text/csv').send(csv);
  const count = async (programId: string): Promise<number> =>
    ((await t.dataSource.query('SELECT count(*)::int AS n FROM academic_record WHERE program_id = $1', [programId])) as Array<{ n: number }>)[0]?.n ?? -1;

  it('refuses rows for staff accounts with 422 on their lines, storing nothing', async () => {
    const c = await newCoordinator(t, { email: 'the.coordinator@uni.example' });
    const admin = await newAdmin(t, { email: 'the.admin@uni.example' });
    const p = await newProgram(t, c);
    const res = await importCsv(p.id, c, `${HEADER}\nstudent@uni.example,Quiz,2026-09-01,4,5\nthe.coordinator@uni.example,Quiz,2026-09-01,4,5\nTHE.ADMIN@uni.example,Quiz,2026-09-01,4,5\n`).expect(422);
    expect(res.body.rejected).toEqual([
      { line: 3, error: expect.stringContaining('staff account'), code: 'staff_account' },
      { line: 4, error: expect.stringContaining('staff account'), code: 'staff_account' },
    ]);
    expect(await count(p.id)).toBe(0);
    expect(admin.user.id).toBeDefined();
  });

  it('names the emails that match no account and the mentees with no record; a dry run stores nothing and counts exactly', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const sara = await newMentee(t, { email: 'sara.ahmadi@uni.example', fullName: 'Sara Ahmadi' });
    await enrol(t, p.id, sara, EnrollmentRole.Mentee);
    const csv = `${HEADER}\nsara.ahmady@uni.example,Quiz,2026-09-01,4,5\nsara.ahmady@uni.example,Quiz 2,2026-09-02,4,5\nreza@uni.example,Quiz,2026-09-01,3,5\n`;
    const dry = await importCsv(p.id, c, csv, true).expect(200);
    expect(dry.body).toEqual({
      imported: 3,
      updated: 0,
      unchanged: 0,
      rows: 3,
      dryRun: true,
      unknownEmails: [
        { email: 'sara.ahmady@uni.example', lines: [2, 3] },
        { email: 'reza@uni.example', lines: [4] },
      ],
      unknownEmailCount: 2,
      menteesWithoutRecords: [{ userId: sara.user.id, fullName: 'Sara Ahmadi', email: 'sara.ahmadi@uni.example' }],
    });
    expect(await count(p.id)).toBe(0);
    const real = await importCsv(p.id, c, csv).expect(200);
    expect(real.body).toMatchObject({ imported: 3, dryRun: false, unknownEmailCount: 2 });
    expect(await count(p.id)).toBe(3);
    const again = await importCsv(p.id, c, csv, true).expect(200);
    expect(again.body).toMatchObject({ imported: 0, unchanged: 3, dryRun: true });
    await t.http().post(`/api/programs/${p.id}/academic-records/import`).query({ dryRun: 'maybe' }).set(c.auth).set('Content-Type', 'text/csv').send(csv).expect(400);
  });

  it('lets a coordinator page through and delete records; the delete is audited; others get 404', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const lines = [HEADER, ...Array.from({ length: 12 }, (_, i) => `s${String(i).padStart(2, '0')}@uni.example,Quiz,2026-09-01,${i % 5},5`)];
    await importCsv(p.id, c, lines.join('\n')).expect(200);
    const page = await t.http().get(`/api/programs/${p.id}/academic-records`).query({ limit: 5, offset: 10 }).set(c.auth).expect(200);
    expect(page.headers['x-total-count']).toBe('12');
    expect(page.body.map((r: { studentEmail: string }) => r.studentEmail)).toEqual(['s10@uni.example', 's11@uni.example']);
    const found = await t.http().get(`/api/programs/${p.id}/academic-records`).query({ q: 'S03', limit: 5 }).set(c.auth).expect(200);
    expect(found.body).toHaveLength(1);
    const id = found.body[0].id as string;

    const stranger = await newCoordinator(t);
    await t.http().delete(`/api/programs/${p.id}/academic-records/${id}`).set(stranger.auth).expect(404);
    const mentee = await newMentee(t);
    await t.http().delete(`/api/programs/${p.id}/academic-records/${id}`).set(mentee.auth).expect(403);
    await t.http().delete(`/api/programs/${p.id}/academic-records/${id}`).set(c.auth).expect(204);
    const gone = await t.http().delete(`/api/programs/${p.id}/academic-records/${id}`).set(c.auth).expect(404);
    expect(gone.body.code).toBe('ACADEMIC_RECORD_NOT_FOUND');
    await t.http().delete(`/api/programs/${p.id}/academic-records/not-a-uuid`).set(c.auth).expect(404);
    expect(await count(p.id)).toBe(11);

    const log = await t.http().get(`/api/programs/${p.id}/audit-log`).query({ action: 'records.delete' }).set(c.auth).expect(200);
    expect(log.headers['x-total-count']).toBe('1');
    expect(log.body).toEqual([expect.objectContaining({ action: 'records.delete', actorId: c.user.id, subjectEmail: 's03@uni.example', details: expect.objectContaining({ recordId: id, assessment: 'Quiz' }) })]);
    expect(JSON.stringify(log.body)).not.toContain('"score"');
    const family = await t.http().get(`/api/programs/${p.id}/audit-log`).query({ action: 'records.', limit: 2 }).set(c.auth).expect(200);
    expect(family.body).toHaveLength(2);
    expect(Number(family.headers['x-total-count'])).toBeGreaterThan(2);
    const byOther = await t.http().get(`/api/programs/${p.id}/audit-log`).query({ actorId: stranger.user.id }).set(c.auth).expect(200);
    expect(byOther.body).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const dated = await t.http().get(`/api/programs/${p.id}/audit-log`).query({ from: '2000-01-01', to: '2000-01-02' }).set(c.auth).expect(200);
    expect(dated.body).toEqual([]);
    const todays = await t.http().get(`/api/programs/${p.id}/audit-log`).query({ from: today, to: today }).set(c.auth).expect(200);
    expect(todays.body.length).toBeGreaterThan(0);
    await t.http().get(`/api/programs/${p.id}/audit-log`).query({ from: '2026-02-30' }).set(c.auth).expect(400);
  });

  it('audits an admin who makes themself a coordinator of a program, and lets admins read any program’s log', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const admin = await newAdmin(t);
    await t.http().post(`/api/programs/${p.id}/coordinators`).set(admin.auth).send({ userId: admin.user.id }).expect(201);
    const log = await t.http().get(`/api/programs/${p.id}/audit-log`).query({ action: 'program.' }).set(admin.auth).expect(200);
    expect(log.body).toEqual([expect.objectContaining({ action: 'program.coordinator.add', actorId: admin.user.id, subjectUserId: admin.user.id })]);
  });
});
