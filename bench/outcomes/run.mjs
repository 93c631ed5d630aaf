// Outcomes benchmark: 100,000 records (1,000 students x 100 assessments, half before the program starts).
//   npx nx run api:build && node bench/outcomes/run.mjs
// Prints the median time of GET /api/programs/:id/outcomes (with the adjusted, dose-response and randomized
// analyses: every student is in a lottery, 400 offered and matched, 600 waitlisted) against one SQL aggregate
// computing the same group statistics over the same rows (the ceiling for anything that has to read them),
// the median time of the printable report, and the median time to import the 100,000-row CSV.
import pg from 'pg';
import { ADMIN, api, median, startBenchServer, timeIt } from '../support/server.mjs';

const STUDENTS = 1000;
const ASSESSMENTS = 100;
const MENTORED = 400;
const IMPORTS = 3;
const QUERIES = 15;
const REPORTS = 9;

function csv() {
  const lines = ['student_email,assessment,taken_on,score,max_score'];
  for (let s = 0; s < STUDENTS; s++) {
    for (let a = 0; a < ASSESSMENTS; a++) {
      const before = a < ASSESSMENTS / 2;
      const month = String(before ? 1 + (a % 8) : 1 + (a % 5)).padStart(2, '0');
      const year = before ? 2026 : 2027;
      const gain = !before && s < MENTORED ? 6 : 0;
      const score = Math.min(100, 40 + ((s * 7 + a * 13) % 45) + gain);
      lines.push(`s${s}@bench.example,A${a},${year}-${month}-${String(1 + (a % 27)).padStart(2, '0')},${score},100`);
    }
  }
  return lines.join('\n');
}

const AGGREGATE = `
  WITH per_student AS (
    SELECT r.student_email,
           avg(100 * r.score / r.max_score) FILTER (WHERE r.taken_on <  p.starts_on) AS pre,
           avg(100 * r.score / r.max_score) FILTER (WHERE r.taken_on >= p.starts_on) AS post
      FROM academic_record r JOIN program p ON p.id = r.program_id
     WHERE r.program_id = $1
     GROUP BY r.student_email),
  mentored AS (SELECT DISTINCT u.email FROM mentorship m JOIN app_user u ON u.id = m.mentee_id WHERE m.program_id = $1)
  SELECT (ps.student_email IN (SELECT email FROM mentored)) AS is_mentored,
         count(*) AS n, avg(pre) AS pre_mean, avg(post) AS post_mean, avg(post - pre) AS mean_change, stddev_samp(post - pre) AS sd_change
    FROM per_student ps WHERE pre IS NOT NULL AND post IS NOT NULL
   GROUP BY 1`;

const server = await startBenchServer();
try {
  const admin = await api(server.baseUrl, 'POST', '/api/auth/login', { body: ADMIN });
  await api(server.baseUrl, 'POST', '/api/users', { token: admin.accessToken, body: { email: 'coord@bench.example', password: 'bench-password-123', fullName: 'Bench Coordinator', role: 'coordinator' } });
  const coord = await api(server.baseUrl, 'POST', '/api/auth/login', { body: { email: 'coord@bench.example', password: 'bench-password-123' } });
  const token = coord.accessToken;
  const file = csv();

  const importTimes = [];
  let programId;
  for (let i = 0; i < IMPORTS; i++) {
    const program = await api(server.baseUrl, 'POST', '/api/programs', { token, body: { name: `Bench ${i}`, timezone: 'UTC', startsOn: '2027-01-01', endsOn: '2027-06-30' } });
    programId = program.id;
    importTimes.push(await timeIt(() => api(server.baseUrl, 'POST', `/api/programs/${program.id}/academic-records/import`, { token, body: file, contentType: 'text/csv' })));
  }

  // Mentees with accounts and mentorships, written straight to the database: the benchmark is about reading.
  // The API's session settings (jit off, data-source-options.ts): the baseline is the aggregate as the server would run it.
  const db = new pg.Client({ connectionString: server.databaseUrl, options: '-c jit=off' });
  await db.connect();
  await db.query(
    `WITH mentor AS (
       INSERT INTO app_user (email, password_hash, full_name, role, year_of_study) VALUES ('mentor@bench.example', 'x', 'Mentor', 'student', 4) RETURNING id),
     mentees AS (
       INSERT INTO app_user (email, password_hash, full_name, role, year_of_study)
       SELECT 's' || g || '@bench.example', 'x', 'Student ' || g, 'student', 1 FROM generate_series(0, $2 - 1) g RETURNING id)
     INSERT INTO mentorship (program_id, mentee_id, mentor_id, status) SELECT $1, mentees.id, mentor.id, 'active' FROM mentees, mentor`,
    [programId, MENTORED],
  );
  // Every student in a lottery (the mentored ones offered, the rest waitlisted), so the randomized analysis runs
  // over all 1,000 students too.
  await db.query(
    `WITH others AS (
       INSERT INTO app_user (email, password_hash, full_name, role, year_of_study)
       SELECT 's' || g || '@bench.example', 'x', 'Student ' || g, 'student', 1 FROM generate_series($2, $3 - 1) g RETURNING id),
     -- A data-modifying CTE's rows are not visible to a plain read in the same statement: take them from RETURNING.
     everyone AS (SELECT id FROM others UNION ALL SELECT id FROM app_user WHERE email LIKE 's%@bench.example'),
     enrolled AS (INSERT INTO enrollment (program_id, user_id, role) SELECT $1, id, 'mentee' FROM everyone RETURNING user_id),
     allocation AS (INSERT INTO allocation (program_id, seed, places) VALUES ($1, 'bench', $2) RETURNING id)
     INSERT INTO allocation_entry (allocation_id, program_id, user_id, outcome, rank, hash, stratum)
     SELECT allocation.id, $1, e.user_id,
            CASE WHEN EXISTS (SELECT 1 FROM mentorship m WHERE m.program_id = $1 AND m.mentee_id = e.user_id) THEN 'offered' ELSE 'waitlisted' END,
            row_number() OVER (ORDER BY e.user_id), encode(sha256(convert_to('bench:' || e.user_id, 'UTF8')), 'hex'), 'all'
       FROM enrolled e, allocation`,
    [programId, MENTORED, STUDENTS],
  );

  const endpoint = [];
  const sql = [];
  let body;
  for (let i = 0; i < QUERIES + 2; i++) {
    const e = await timeIt(async () => (body = await api(server.baseUrl, 'GET', `/api/programs/${programId}/outcomes`, { token })));
    const s = await timeIt(() => db.query(AGGREGATE, [programId]));
    if (i >= 2) {
      endpoint.push(e);
      sql.push(s);
    }
  }
  await db.end();
  const reports = [];
  for (let i = 0; i < REPORTS + 1; i++) {
    const r = await timeIt(async () => {
      const res = await fetch(`${server.baseUrl}/api/programs/${programId}/outcomes/report?lang=${i % 2 ? 'en' : 'fa'}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok || !(await res.text()).includes('<svg class="flow"')) throw new Error(`report: ${res.status}`);
    });
    if (i >= 1) reports.push(r);
  }

  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`\nOutcomes benchmark: ${STUDENTS} students x ${ASSESSMENTS} records = ${(STUDENTS * ASSESSMENTS).toLocaleString('en')} rows, ${MENTORED} mentored`);
  console.log(`mentored n=${body.mentored.n} change=${body.mentored.meanChange?.toFixed(2)}; comparison n=${body.comparison.n} change=${body.comparison.meanChange?.toFixed(2)}`);
  console.log(`adjusted ${body.adjusted.estimate?.toFixed(3)} (n=${body.adjusted.n}); randomized adjusted ${body.randomized?.adjusted.estimate?.toFixed(3)} (offered ${body.randomized?.offered.n}, waitlisted ${body.randomized?.waitlisted.n})`);
  console.log('| measure | median | runs |');
  console.log('| --- | --- | --- |');
  console.log(`| GET /api/programs/:id/outcomes | ${ms(median(endpoint))} | ${QUERIES} |`);
  console.log(`| one SQL aggregate (baseline) | ${ms(median(sql))} | ${QUERIES} |`);
  console.log(`| ratio endpoint / SQL (goal <= 3x) | ${(median(endpoint) / median(sql)).toFixed(2)}x | |`);
  console.log(`| GET /api/programs/:id/outcomes/report (en and fa, goal < 1 s) | ${ms(median(reports))} | ${REPORTS} |`);
  console.log(`| import of the 100,000-row CSV | ${ms(median(importTimes))} | ${IMPORTS} |`);
} finally {
  await server.stop();
}
