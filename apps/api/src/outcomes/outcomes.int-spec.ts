import { EnrollmentRole } from '@pm/contracts';
import { enrol, newAdmin, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

const HEADER = 'student_email,assessment,taken_on,score,max_score';

describe('academic outcomes (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const importCsv = (programId: string, who: TestUser, csv: string) =>
    t.http().post(`/api/programs/${programId}/academic-records/import`).set(who.auth).set('Content-Type', 'text/csv').send(csv);
  const count = async (programId: string): Promise<number> =>
    ((await t.dataSource.query('SELECT count(*)::int AS n FROM academic_record WHERE program_id = $1', [programId])) as Array<{ n: number }>)[0]?.n ?? -1;

  describe('import', () => {
    it('imports a file, and importing it again changes nothing', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const csv = `${HEADER}\na@uni.example,Anatomy,2026-09-01,40,50\nb@uni.example,Anatomy,2026-09-01,30,50\n`;
      const first = await importCsv(p.id, c, csv).expect(200);
      expect(first.body).toMatchObject({ imported: 2, updated: 0, unchanged: 0, rows: 2, dryRun: false });
      const second = await importCsv(p.id, c, csv).expect(200);
      expect(second.body).toMatchObject({ imported: 0, updated: 0, unchanged: 2, rows: 2 });
      expect(await count(p.id)).toBe(2);
    });

    it('rejects a mixed good-and-bad file with 422 listing every bad line, storing nothing', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const res = await importCsv(p.id, c, `${HEADER}\na@uni.example,Anatomy,2026-09-01,40,50\nbad-email,Anatomy,2026-09-01,40,50\nc@uni.example,Anatomy,2026-09-01,60,50\n`).expect(422);
      expect(res.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', rejected: [{ line: 3, error: expect.any(String) }, { line: 4, error: expect.stringContaining('max_score') }] });
      expect(await count(p.id)).toBe(0);
    });

    it('accepts a BOM, `;` separators and Persian digits', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const csv = '\uFEFFstudent_email;assessment;taken_on;score;max_score\nfa@uni.example;Physiology;۲۰۲۶-۰۹-۰۱;۴۵;۵۰\n';
      await importCsv(p.id, c, csv).expect(200);
      const rows = await t.http().get(`/api/programs/${p.id}/academic-records`).set(c.auth).expect(200);
      expect(rows.body).toEqual([expect.objectContaining({ studentEmail: 'fa@uni.example', takenOn: '2026-09-01', score: 45, maxScore: 50, value: 90 })]);
    });

    it('imports 100,000 rows in one request', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const lines = [HEADER];
      for (let s = 0; s < 1000; s++) for (let a = 0; a < 100; a++) lines.push(`s${s}@uni.example,Assessment ${a},2026-0${1 + (a % 9)}-1${a % 10},${(s + a) % 50},50`);
      const res = await importCsv(p.id, c, lines.join('\n')).expect(200);
      expect(res.body.rows).toBe(100_000);
      expect(await count(p.id)).toBe(100_000);
    }, 120_000);

    it('answers 415 for a JSON body, 403 to students, 404 to another coordinator', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      await t.http().post(`/api/programs/${p.id}/academic-records/import`).set(c.auth).send({ csv: HEADER }).expect(415);
      const s = await newMentee(t);
      await importCsv(p.id, s, `${HEADER}\n`).expect(403);
      const other = await newCoordinator(t);
      await importCsv(p.id, other, `${HEADER}\n`).expect(404);
    });
  });

  describe('privacy', () => {
    it('students see only their own records; mentors and other coordinators see none of a mentee’s; coordinator reads are audited', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const mentee = await newMentee(t, { email: 'private.mentee@uni.example' });
      const other = await newMentee(t, { email: 'other.mentee@uni.example' });
      const mentor = await newMentor(t);
      await enrol(t, p.id, mentee, EnrollmentRole.Mentee);
      await enrol(t, p.id, mentor, EnrollmentRole.Mentor);
      await importCsv(p.id, c, `${HEADER}\nprivate.mentee@uni.example,Anatomy,2026-09-01,40,50\nother.mentee@uni.example,Anatomy,2026-09-01,20,50\n`).expect(200);

      const own = await t.http().get('/api/me/academic-records').set(mentee.auth).expect(200);
      expect(own.body.map((r: { studentEmail: string }) => r.studentEmail)).toEqual(['private.mentee@uni.example']);
      const others = await t.http().get('/api/me/academic-records').set(other.auth).expect(200);
      expect(others.body.map((r: { studentEmail: string }) => r.studentEmail)).toEqual(['other.mentee@uni.example']);

      await t.http().get(`/api/programs/${p.id}/academic-records`).query({ email: 'private.mentee@uni.example' }).set(other.auth).expect(403);
      await t.http().get(`/api/programs/${p.id}/academic-records`).query({ email: 'private.mentee@uni.example' }).set(mentor.auth).expect(403);
      const stranger = await newCoordinator(t);
      await t.http().get(`/api/programs/${p.id}/academic-records`).query({ email: 'private.mentee@uni.example' }).set(stranger.auth).expect(404);
      await t.http().get(`/api/programs/${p.id}/outcomes`).set(stranger.auth).expect(404);
      await t.http().get(`/api/programs/${p.id}/outcomes`).set(mentor.auth).expect(403);

      const read = await t.http().get(`/api/programs/${p.id}/academic-records`).query({ email: 'private.mentee@uni.example' }).set(c.auth).expect(200);
      expect(read.body).toHaveLength(1);
      const log = await t.http().get(`/api/programs/${p.id}/audit-log`).set(c.auth).expect(200);
      expect(log.body).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'records.read', actorId: c.user.id, subjectUserId: mentee.user.id, subjectEmail: 'private.mentee@uni.example' })]));
      const admin = await newAdmin(t);
      await t.http().get(`/api/programs/${p.id}/audit-log`).set(admin.auth).expect(200);
      await t.http().get(`/api/programs/${p.id}/audit-log`).set(stranger.auth).expect(404);
    });
  });

  describe('GET /api/programs/:id/outcomes', () => {
    it('computes the groups exactly as the contract defines them', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c, { startsOn: '2026-10-01', endsOn: '2027-06-30' });
      const mentor = await newMentor(t);
      await enrol(t, p.id, mentor, EnrollmentRole.Mentor, 5);
      // Three mentored students change by +10, +20, +30 points: mean 20, sd 10, t = 20 / (10 / sqrt 3) = 3.4641, df 2.
      const mentored = await Promise.all([1, 2, 3].map((i) => newMentee(t, { email: `m${i}@uni.example` })));
      for (const m of mentored) {
        await enrol(t, p.id, m, EnrollmentRole.Mentee);
        // Paired before the program began: every result from startsOn on counts as after.
        await t.http().post(`/api/programs/${p.id}/mentorships`).set(c.auth).send({ menteeId: m.user.id, mentorId: mentor.user.id, startedOn: '2026-09-15' }).expect(201);
      }
      const csv = [
        HEADER,
        'm1@uni.example,Quiz A,2026-09-01,50,100',
        'm1@uni.example,Quiz B,2026-10-01,60,100', // exactly on startsOn: counts as post
        'm2@uni.example,Quiz A,2026-09-01,25,50',
        'm2@uni.example,Quiz B,2026-11-01,70,100',
        'm3@uni.example,Quiz A,2026-09-01,40,100',
        'm3@uni.example,Quiz B,2026-11-01,70,100',
        'only.pre@uni.example,Quiz A,2026-09-01,40,100', // no post: counts nowhere
      ].join('\n');
      await importCsv(p.id, c, csv).expect(200);
      const res = await t.http().get(`/api/programs/${p.id}/outcomes`).set(c.auth).expect(200);
      const g = res.body.mentored;
      expect(g.n).toBe(3);
      expect(g.preMean).toBeCloseTo(46.6667, 3);
      expect(g.postMean).toBeCloseTo(66.6667, 3);
      expect(g.meanChange).toBeCloseTo(20, 10);
      expect(g.sdChange).toBeCloseTo(10, 10);
      expect(g.tStatistic).toBeCloseTo(3.4641, 3);
      expect(g.pValue).toBeCloseTo(0.0742, 3);
      expect(g.cohensDz).toBeCloseTo(2, 10);
      expect(g.ci95[0]).toBeCloseTo(20 - 4.302653 * (10 / Math.sqrt(3)), 3);
      expect(g.ci95[1]).toBeCloseTo(20 + 4.302653 * (10 / Math.sqrt(3)), 3);
      // Nobody in the comparison group has both a pre and a post value: an empty group, not NaN.
      expect(res.body.comparison).toEqual({ n: 0, preMean: null, postMean: null, meanChange: null, sdChange: null, ci95: null, cohensDz: null, tStatistic: null, pValue: null });
      expect(res.body.difference).toEqual({ estimate: null, ci95: null, pValue: null });
      expect(res.body.byModality.in_person.n).toBe(0);
      expect(JSON.stringify(res.body)).not.toMatch(/NaN|Infinity/);
      // Nobody attended a session yet: the correlation has no spread in x, so r is null rather than NaN.
      expect(res.body.sessionsVsChange).toEqual({ n: 3, r: null, pValue: null, ci95: null });
      expect(res.body.health).toMatchObject({ enrolledMentees: 3, matchedMentees: 3, matchRate: 1 });
      expect(res.body.health.sessionsPerWeek).toHaveLength(8);
      expect(res.body.health.pairsWithoutRecentSession).toHaveLength(3);
    });
  });

  describe('GET /api/programs/:id/outcomes/export.csv', () => {
    it('exports pseudonymous rows with no email, defused against formulas, and audits the export', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c, { startsOn: '2026-10-01', endsOn: '2027-06-30' });
      await importCsv(p.id, c, `${HEADER}\nx1@uni.example,Q,2026-09-01,50,100\nx1@uni.example,Q,2026-11-01,40,100\nx2@uni.example,Q,2026-09-01,70,100\nx2@uni.example,Q,2026-11-01,90,100\n`).expect(200);
      const res = await t.http().get(`/api/programs/${p.id}/outcomes/export.csv`).set(c.auth).expect(200).expect('Content-Type', /text\/csv/);
      const lines = (res.text as string).trim().split('\r\n');
      expect(lines[0]).toBe('pseudonym,group,modality,pre,post,change,sessions_attended,survey_mean');
      expect(lines).toHaveLength(3);
      expect(res.text).not.toContain('@');
      expect(lines.slice(1).map((l) => l.split(',').slice(1, 6)).sort()).toEqual([['comparison', '', '50', '40', '-10'], ['comparison', '', '70', '90', '20']]);
      const again = await t.http().get(`/api/programs/${p.id}/outcomes/export.csv`).set(c.auth).expect(200);
      expect(again.text).toBe(res.text); // pseudonyms are stable
      const log = await t.http().get(`/api/programs/${p.id}/audit-log`).set(c.auth).expect(200);
      expect(log.body.filter((e: { action: string }) => e.action === 'records.export')).toHaveLength(2);
      const stranger = await newCoordinator(t);
      await t.http().get(`/api/programs/${p.id}/outcomes/export.csv`).set(stranger.auth).expect(404);
    });
  });
});
