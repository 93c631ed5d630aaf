// Pair-health benchmark: a program of 3,000 pairs with 60,000 sessions, 100,000 chat messages, 6,000 check-ins,
// signed agreements for two pairs in three, and 60 recent referrals.
//   npx nx run api:build && node bench/health/run.mjs
// Prints the median time of GET /api/programs/:id/health (the board, as coordinators read it) against one SQL
// query computing the same statuses over the same rows in the same run: the service's own statement, taken from
// the build, wrapped in the rules' precedence written as a CASE (PAIR_STATUS_SQL). Both answers are compared
// pair by pair before anything is timed.
import { createRequire } from 'node:module';
import pg from 'pg';
import { ADMIN, api, median, startBenchServer, timeIt } from '../support/server.mjs';

const PAIRS = 3000;
const SESSIONS_PER_PAIR = 20;
const MESSAGES = 100_000;
const CHECK_INS_PER_PAIR = 2;
const REFERRALS = 60;
const QUERIES = 15;
const STALL_DAYS = 21;

const require = createRequire(import.meta.url);
// The compiled API maps its `@pm/*` imports itself (alias.js) before the statement's module loads them.
require('../../dist/apps/api/apps/api/src/alias.js');
const { PAIR_STATUS_SQL } = require('../../dist/apps/api/apps/api/src/relationship/pair-health/pair-health.sql.js');

const server = await startBenchServer({ STALL_DAYS: String(STALL_DAYS) });
try {
  const admin = await api(server.baseUrl, 'POST', '/api/auth/login', { body: ADMIN });
  await api(server.baseUrl, 'POST', '/api/users', { token: admin.accessToken, body: { email: 'coord@bench.example', password: 'bench-password-123', fullName: 'Bench Coordinator', role: 'coordinator' } });
  const coord = await api(server.baseUrl, 'POST', '/api/auth/login', { body: { email: 'coord@bench.example', password: 'bench-password-123' } });
  const token = coord.accessToken;
  const program = await api(server.baseUrl, 'POST', '/api/programs', { token, body: { name: 'Bench health', timezone: 'Asia/Tehran', startsOn: '2026-09-01', endsOn: '2027-06-30' } });
  const programId = program.id;

  // Written straight to the database: the benchmark is about reading. One mentor per pair keeps every
  // session clear of the no-overlap constraints; pair j's sessions are 6 days apart, the newest upcoming for
  // most pairs, and pairs fall in every status.
  // The same session settings as the API's pool (jit off, see data-source-options.ts): the baseline is the same
  // statement as the server runs it, not one slowed by a setting the server does not use.
  const db = new pg.Client({ connectionString: server.databaseUrl, options: '-c jit=off' });
  // Stopping the server drops the database: that must not hide the error that stopped the run.
  db.on('error', () => {});
  await db.connect();
  const t0 = Date.now();
  await db.query(
    `WITH people AS (
       INSERT INTO app_user (email, password_hash, full_name, role, year_of_study)
       SELECT (CASE WHEN g % 2 = 0 THEN 'mentor' ELSE 'mentee' END) || (g / 2) || '@bench.example', 'x', 'Person ' || g, 'student', CASE WHEN g % 2 = 0 THEN 4 ELSE 1 END
         FROM generate_series(0, $2 * 2 - 1) g RETURNING id, email)
     INSERT INTO enrollment (program_id, user_id, role, capacity)
     SELECT $1, id, (CASE WHEN email LIKE 'mentor%' THEN 'mentor' ELSE 'mentee' END)::enrollment_role, CASE WHEN email LIKE 'mentor%' THEN 3 END FROM people`,
    [programId, PAIRS],
  );
  await db.query(
    `INSERT INTO mentorship (program_id, mentee_id, mentor_id, status, started_on)
     SELECT $1, me.id, mo.id, 'active', current_date - 130
       FROM generate_series(0, $2 - 1) j
       JOIN app_user mo ON mo.email = 'mentor' || j || '@bench.example'
       JOIN app_user me ON me.email = 'mentee' || j || '@bench.example'`,
    [programId, PAIRS],
  );
  await db.query(`CREATE TEMP TABLE pairs AS SELECT row_number() OVER (ORDER BY me.email) - 1 AS j, m.id, m.mentor_id, m.mentee_id FROM mentorship m JOIN app_user me ON me.id = m.mentee_id WHERE m.program_id = $1`, [programId]);
  // Pairs with j % 10 = 0 stopped meeting 40 days ago (nothing upcoming): NO_RECENT_SESSION.
  await db.query(
    `INSERT INTO mentoring_session (program_id, mentorship_id, mentor_id, starts_at, ends_at, modality, meeting_url)
     SELECT $1, p.id, p.mentor_id,
            now() + interval '3 days' - (k * 6 + CASE WHEN p.j % 10 = 0 THEN 43 ELSE 0 END) * interval '1 day' + (p.j % 600) * interval '1 minute',
            now() + interval '3 days' - (k * 6 + CASE WHEN p.j % 10 = 0 THEN 43 ELSE 0 END) * interval '1 day' + (p.j % 600) * interval '1 minute' + interval '1 hour',
            'virtual', 'https://meet.example/b'
       FROM pairs p, generate_series(0, $2 - 1) k`,
    [programId, SESSIONS_PER_PAIR],
  );
  await db.query(
    `INSERT INTO session_attendee (session_id, user_id, role, mentorship_id, starts_at, ends_at, attendance)
     SELECT s.id, s.mentor_id, 'mentor'::session_participant_role, NULL::uuid, s.starts_at, s.ends_at, NULL::session_attendance FROM mentoring_session s WHERE s.program_id = $1
     UNION ALL
     SELECT s.id, p.mentee_id, 'mentee'::session_participant_role, p.id, s.starts_at, s.ends_at,
            CASE WHEN s.starts_at > now() THEN NULL
                 WHEN (p.j % 25 = 1 AND s.starts_at > now() - interval '20 days') OR (p.j * 7 + extract(epoch FROM s.starts_at)::bigint / 86400) % 41 = 0 THEN 'no_show'
                 ELSE 'attended' END::session_attendance
       FROM mentoring_session s JOIN pairs p ON p.id = s.mentorship_id WHERE s.program_id = $1`,
    [programId],
  );
  await db.query(
    // ON CONFLICT: the database makes a mentorship's conversation with it (migration ChatMembershipView).
    `INSERT INTO conversation (kind, program_id, mentorship_id, mentor_id, last_seq)
     SELECT 'mentorship', $1, p.id, p.mentor_id, 0 FROM pairs p
     ON CONFLICT DO NOTHING`,
    [programId],
  );
  await db.query(
    `INSERT INTO chat_message (id, conversation_id, seq, sender_id, body, client_message_id, created_at)
     SELECT gen_random_uuid(), c.id, n + 1, CASE WHEN n % 2 = 0 THEN p.mentor_id ELSE p.mentee_id END, 'Message ' || n, 'bench-' || n,
            now() - (n * interval '1 hour')
       FROM pairs p JOIN conversation c ON c.mentorship_id = p.id, generate_series(0, ($1::int / $2::int) - 1) n`,
    [MESSAGES, PAIRS],
  );
  await db.query(
    `INSERT INTO mentorship_check_in (mentorship_id, mentee_id, rating, created_at)
     SELECT p.id, p.mentee_id, CASE WHEN k = 0 AND p.j % 13 = 2 THEN 2 ELSE 3 + (p.j + k) % 3 END, now() - (k * 30 + 2) * interval '1 day'
       FROM pairs p, generate_series(0, $1 - 1) k`,
    [CHECK_INS_PER_PAIR],
  );
  await db.query(
    `INSERT INTO mentorship_agreement (mentorship_id, goals, meetings_per_month, confidentiality_en, confidentiality_fa, signed_by_mentor_at, signed_by_mentee_at)
     SELECT p.id, '[{"id":"00000000-0000-4000-8000-000000000001","text":"Pass anatomy","achievedAt":null}]'::jsonb, 2, 'x', 'x', now() - interval '100 days', now() - interval '100 days'
       FROM pairs p WHERE p.j % 3 <> 0`,
  );
  await db.query(
    `INSERT INTO referral (program_id, student_id, message, created_at)
     SELECT $1, p.mentee_id, 'Help', now() - (p.j % 40) * interval '1 day' FROM pairs p WHERE p.j % 50 = 3 LIMIT $2`,
    [programId, REFERRALS],
  );
  await db.query('ANALYZE');
  const counts = (await db.query(
    `SELECT (SELECT count(*) FROM mentorship WHERE program_id = $1)::int AS pairs, (SELECT count(*) FROM mentoring_session WHERE program_id = $1)::int AS sessions,
            (SELECT count(*) FROM chat_message)::int AS messages, (SELECT count(*) FROM mentorship_check_in)::int AS check_ins`,
    [programId],
  )).rows[0];
  const loadedIn = Date.now() - t0;

  // Same answer first: the board's statuses and the single query's, pair by pair.
  const board = await api(server.baseUrl, 'GET', `/api/programs/${programId}/health`, { token });
  const single = (await db.query(PAIR_STATUS_SQL, [programId, STALL_DAYS])).rows;
  const bySql = new Map(single.map((r) => [r.mentorship_id, r.status]));
  const mismatches = board.filter((r) => bySql.get(r.mentorshipId) !== r.status).length;
  if (board.length !== PAIRS || single.length !== PAIRS || mismatches > 0) throw new Error(`board and SQL disagree: ${board.length} vs ${single.length} rows, ${mismatches} mismatches`);
  // BENCH_EXPLAIN=1: the single query's plan with timings, to see where its time goes.
  if (process.env.BENCH_EXPLAIN) {
    const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${PAIR_STATUS_SQL}`, [programId, STALL_DAYS]);
    console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  const tally = (rows, key) => rows.reduce((acc, r) => ({ ...acc, [r[key]]: (acc[r[key]] ?? 0) + 1 }), {});

  const endpoint = [];
  const sql = [];
  for (let i = 0; i < QUERIES + 2; i++) {
    const e = await timeIt(() => api(server.baseUrl, 'GET', `/api/programs/${programId}/health`, { token }));
    const s = await timeIt(() => db.query(PAIR_STATUS_SQL, [programId, STALL_DAYS]));
    if (i >= 2) {
      endpoint.push(e);
      sql.push(s);
    }
  }
  await db.end();

  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`\nPair-health benchmark: ${counts.pairs} pairs, ${counts.sessions} sessions, ${counts.messages} messages, ${counts.check_ins} check-ins (loaded in ${(loadedIn / 1000).toFixed(1)} s)`);
  console.log(`statuses: ${JSON.stringify(tally(board, 'status'))}; identical to the single query for all ${board.length} pairs`);
  console.log('| measure | median | runs |');
  console.log('| --- | --- | --- |');
  console.log(`| GET /api/programs/:id/health (goal < 300 ms) | ${ms(median(endpoint))} | ${QUERIES} |`);
  console.log(`| the single SQL query (baseline) | ${ms(median(sql))} | ${QUERIES} |`);
  console.log(`| ratio endpoint / SQL (goal <= 2x) | ${(median(endpoint) / median(sql)).toFixed(2)}x | |`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await server.stop();
}
