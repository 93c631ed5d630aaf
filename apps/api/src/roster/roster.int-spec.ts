import { EnrollmentRole } from '@pm/contracts';
import { enrol, newAdmin, newCoordinator, newMentee, newMentor, newProgram } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

const HEADER = 'email,full_name,year_of_study,role,capacity';

describe('roster import (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const importCsv = (programId: string, auth: { Authorization: string }, csv: string, query = '') =>
    t.http().post(`/api/programs/${programId}/roster/import${query}`).set(auth).set('Content-Type', 'text/csv').send(csv);

  const count = async (sql: string, params: unknown[]): Promise<number> => ((await t.dataSource.query(sql, params)) as Array<{ n: number }>)[0]?.n ?? -1;

  it('imports 400 rows of new and known people with the right counts, and a second import changes nothing', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    // 100 known students: 50 already enrolled as in the file, 50 not enrolled yet.
    // One after the other: a hundred at once can exhaust the pool on a loaded machine.
    const known = [];
    for (let i = 0; i < 100; i++) known.push(i % 2 === 0 ? await newMentor(t, { yearOfStudy: 4 }) : await newMentee(t, { yearOfStudy: 1 }));
    for (const [i, s] of known.entries()) if (i < 50) await enrol(t, p.id, s, i % 2 === 0 ? EnrollmentRole.Mentor : EnrollmentRole.Mentee);
    const lines = [HEADER];
    for (const [i, s] of known.entries()) lines.push(i % 2 === 0 ? `${s.user.email},Known ${i},4,mentor,3` : `${s.user.email},Known ${i},1,mentee,`);
    for (let i = 0; i < 300; i++) lines.push(i % 3 === 0 ? `new-${i}@uni.example,New Mentor ${i},5,mentor,` : `new-${i}@uni.example,New Mentee ${i},2,mentee,`);
    const csv = `${lines.join('\n')}\n`;

    const preview = await importCsv(p.id, c.auth, csv, '?dryRun=true').expect(200);
    expect(preview.body).toMatchObject({ rows: 400, created: 300, enrolled: 350, updated: 0, unchanged: 50, dryRun: true });
    expect(await count('SELECT count(*)::int AS n FROM enrollment WHERE program_id = $1', [p.id])).toBe(50);

    const res = await importCsv(p.id, c.auth, csv).expect(200);
    expect(res.body).toMatchObject({ rows: 400, created: 300, enrolled: 350, updated: 0, unchanged: 50, dryRun: false });
    expect(await count('SELECT count(*)::int AS n FROM enrollment WHERE program_id = $1', [p.id])).toBe(400);
    expect(await count("SELECT count(*)::int AS n FROM app_user WHERE email LIKE 'new-%' AND password_hash IS NULL", [])).toBe(300);
    expect(await count('SELECT count(*)::int AS n FROM invitation WHERE program_id = $1', [p.id])).toBe(300);
    expect(await count("SELECT count(*)::int AS n FROM enrollment e JOIN app_user u ON u.id = e.user_id WHERE e.program_id = $1 AND u.email = 'new-0@uni.example' AND e.capacity = 3", [p.id])).toBe(1);

    const again = await importCsv(p.id, c.auth, csv).expect(200);
    expect(again.body).toMatchObject({ rows: 400, created: 0, enrolled: 0, updated: 0, unchanged: 400 });
    expect(await count('SELECT count(*)::int AS n FROM invitation WHERE program_id = $1', [p.id])).toBe(300);
  });

  it('counts a changed capacity or year as updated, with the grade import’s tolerance (BOM, ;, CRLF, Persian digits, any column order)', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const mentor = await newMentor(t, { yearOfStudy: 4 });
    const mentee = await newMentee(t, { yearOfStudy: 1 });
    await enrol(t, p.id, mentor, EnrollmentRole.Mentor, 3);
    await enrol(t, p.id, mentee, EnrollmentRole.Mentee);
    const csv = `\uFEFFRole;Email;Capacity;Full_Name;Year_Of_Study\r\nmentor;${mentor.user.email};۵;Mentor;۴\r\nmentee;${mentee.user.email};;Mentee;۲\r\nmentee;sara@uni.example;;سارا احمدی;۱\r\n`;
    const res = await importCsv(p.id, c.auth, csv).expect(200);
    expect(res.body).toMatchObject({ rows: 3, created: 1, enrolled: 1, updated: 2, unchanged: 0 });
    expect(res.body.changes).toEqual([
      { line: 2, email: mentor.user.email, outcome: 'updated' },
      { line: 3, email: mentee.user.email, outcome: 'updated' },
      { line: 4, email: 'sara@uni.example', outcome: 'created' },
    ]);
    const rows: Array<{ capacity: number | null; year_of_study: number; full_name: string }> = await t.dataSource.query(
      'SELECT e.capacity, u.year_of_study, u.full_name FROM enrollment e JOIN app_user u ON u.id = e.user_id WHERE e.program_id = $1 ORDER BY u.email',
      [p.id],
    );
    expect(rows.map((r) => [r.capacity, r.year_of_study])).toEqual(expect.arrayContaining([[5, 4], [null, 2], [null, 1]]));
    expect(rows.map((r) => r.full_name)).toContain('سارا احمدی');
  });

  it('reports each kind of bad row on its line and stores nothing', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const admin = await newAdmin(t);
    const csv = [
      HEADER,
      'good@uni.example,Good Student,2,mentee,',
      'not-an-email,Bad Email,2,mentee,',
      'year0@uni.example,Year Zero,0,mentee,',
      'year9@uni.example,Year Nine,9,mentee,',
      'role@uni.example,Unknown Role,2,sidekick,',
      'neg@uni.example,Negative Capacity,5,mentor,-1',
      'nan@uni.example,Text Capacity,5,mentor,three',
      'good@uni.example,Good Again,2,mentee,',
      `${admin.user.email},An Admin,5,mentor,2`,
      '',
    ].join('\n');
    const res = await importCsv(p.id, c.auth, csv).expect(422);
    expect(res.body.code).toBe('IMPORT_REJECTED');
    const byLine = new Map((res.body.rejected as Array<{ line: number; error: string }>).map((r) => [r.line, r.error]));
    expect([...byLine.keys()]).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(byLine.get(3)).toMatch(/email/);
    expect(byLine.get(4)).toMatch(/year_of_study/);
    expect(byLine.get(5)).toMatch(/year_of_study/);
    expect(byLine.get(6)).toMatch(/role/);
    expect(byLine.get(7)).toMatch(/capacity/);
    expect(byLine.get(8)).toMatch(/capacity/);
    expect(byLine.get(9)).toMatch(/same email as line 2/);
    // The staff account is found only once the file itself is clean: its line is reported then.
    const staff = await importCsv(p.id, c.auth, [HEADER, 'good@uni.example,Good Student,2,mentee,', `${admin.user.email},An Admin,5,mentor,2`].join('\n')).expect(422);
    expect(staff.body.rejected).toEqual([{ line: 3, error: expect.stringMatching(/admin account/) }]);
    expect(await count("SELECT count(*)::int AS n FROM app_user WHERE email = 'good@uni.example'", [])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM enrollment WHERE program_id = $1', [p.id])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM invitation WHERE program_id = $1', [p.id])).toBe(0);
  });

  it('refuses a role change and a capacity below the current load, on their lines', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const mentor = await newMentor(t);
    const mentee = await newMentee(t);
    await enrol(t, p.id, mentor, EnrollmentRole.Mentor, 3);
    await enrol(t, p.id, mentee, EnrollmentRole.Mentee);
    const mentee2 = await newMentee(t);
    await enrol(t, p.id, mentee2, EnrollmentRole.Mentee);
    for (const m of [mentee, mentee2]) {
      await t.dataSource.query("INSERT INTO mentorship (program_id, mentee_id, mentor_id, status, started_on) VALUES ($1, $2, $3, 'active', '2026-10-01')", [p.id, m.user.id, mentor.user.id]);
    }
    const other = await newMentee(t);
    const third = await newMentee(t);
    await enrol(t, p.id, third, EnrollmentRole.Mentee);
    const res = await importCsv(p.id, c.auth, [HEADER, `${mentor.user.email},M,4,mentor,1`, `${third.user.email},T,1,mentor,2`, `${other.user.email},O,1,mentee,`].join('\n')).expect(422);
    expect(res.body.rejected.map((r: { line: number }) => r.line)).toEqual([2, 3]);
    expect(res.body.rejected[0].error).toMatch(/below the 2 mentees/);
    expect(res.body.rejected[1].error).toMatch(/already enrolled as a mentee/);
  });

  it('answers 422 for a wrong header and 415 for a body that is not CSV', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const res = await importCsv(p.id, c.auth, 'mail,name\nx@y.z,X\n').expect(422);
    expect(res.body.rejected).toEqual([{ line: 1, error: expect.stringMatching(/missing column/) }]);
    await t.http().post(`/api/programs/${p.id}/roster/import`).set(c.auth).send({ csv: HEADER }).expect(415);
  });

  it('is for the program’s coordinators: a student gets 403, another coordinator 404', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const csv = `${HEADER}\nx@uni.example,X,1,mentee,\n`;
    const student = await newMentee(t);
    await importCsv(p.id, student.auth, csv).expect(403);
    const other = await newCoordinator(t);
    const res = await importCsv(p.id, other.auth, csv).expect(404);
    expect(res.body.code).toBe('PROGRAM_NOT_FOUND');
  });
});
