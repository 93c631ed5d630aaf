// Roster import benchmark: 5,000 rows, half of them people with an account already, half new accounts.
//   npx nx run api:build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/roster/run.mjs
// Prints the median time of POST /api/programs/:id/roster/import (validation of every line, lookups, new
// accounts without a password, enrolments, invitations with their notification jobs, audit, one transaction)
// against the floor: one SQL statement inserting the same rows into the same tables (the accounts, the
// enrolments and the invitations, as multi-row VALUES) in the same run. Each run uses a new program and new
// addresses, so every run does the full work. ROWS and RUNS may be set in the environment.
import pg from 'pg';
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { ADMIN, api, median, startBenchServer, timeIt } from '../support/server.mjs';

const ROWS = Number(process.env.ROWS ?? 5000);
const RUNS = Number(process.env.RUNS ?? 5);
const KNOWN = Math.floor(ROWS / 2);

const rows = (run) =>
  Array.from({ length: ROWS }, (_, i) => {
    const known = i < KNOWN;
    const mentor = i % 4 === 0;
    return {
      email: known ? `known${i}@bench.example` : `new${i}-r${run}@bench.example`,
      fullName: known ? `Known Student ${i}` : `New Student ${i}`,
      year: mentor ? 4 + (i % 3) : 1 + (i % 2),
      role: mentor ? 'mentor' : 'mentee',
      capacity: mentor ? 1 + (i % 4) : null,
      known,
    };
  });

const csv = (list) => ['email,full_name,year_of_study,role,capacity', ...list.map((r) => `${r.email},${r.fullName},${r.year},${r.role},${r.capacity ?? ''}`)].join('\n');

const quote = (s) => `'${String(s).replace(/'/g, "''")}'`;

/** The floor: the same accounts, enrolments and invitations in one statement of multi-row VALUES. */
function floorSql(programId, list, knownIds) {
  const fresh = list.filter((r) => !r.known).map((r) => ({ ...r, id: randomUUID() }));
  const users = fresh.map((r) => `(${quote(r.id)}::uuid, ${quote(r.email)}, ${quote(r.fullName)}, 'student'::user_role, ${r.year}, NULL)`).join(',\n');
  const enrolments = [
    ...fresh.map((r) => ({ id: r.id, role: r.role, capacity: r.capacity })),
    ...list.filter((r) => r.known).map((r) => ({ id: knownIds.get(r.email), role: r.role, capacity: r.capacity })),
  ]
    .map((e) => `(${quote(programId)}::uuid, ${quote(e.id)}::uuid, ${quote(e.role)}::enrollment_role, ${e.capacity ?? 'NULL'})`)
    .join(',\n');
  const expires = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const invitations = fresh
    .map((r) => `(${quote(r.id)}::uuid, ${quote(programId)}::uuid, ${quote(r.role)}::enrollment_role, ${quote(createHash('sha256').update(randomBytes(32)).digest('hex'))}, ${quote(expires)}::timestamptz)`)
    .join(',\n');
  return `WITH u AS (INSERT INTO app_user (id, email, full_name, role, year_of_study, password_hash) VALUES ${users} RETURNING id),
               e AS (INSERT INTO enrollment (program_id, user_id, role, capacity) VALUES ${enrolments} RETURNING id)
          INSERT INTO invitation (user_id, program_id, role, token_hash, expires_at) VALUES ${invitations}`;
}

const server = await startBenchServer();
try {
  const admin = await api(server.baseUrl, 'POST', '/api/auth/login', { body: ADMIN });
  await api(server.baseUrl, 'POST', '/api/users', { token: admin.accessToken, body: { email: 'coord@bench.example', password: 'bench-password-123', fullName: 'Bench Coordinator', role: 'coordinator' } });
  const coord = await api(server.baseUrl, 'POST', '/api/auth/login', { body: { email: 'coord@bench.example', password: 'bench-password-123' } });
  const token = coord.accessToken;

  const db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  // The known half: students with an account (and a password) before any import.
  await db.query(
    `INSERT INTO app_user (email, password_hash, full_name, role, year_of_study)
     SELECT 'known' || g || '@bench.example', 'x', 'Known Student ' || g, 'student', 1 FROM generate_series(0, $1 - 1) g`,
    [KNOWN],
  );
  const knownIds = new Map((await db.query("SELECT id, email FROM app_user WHERE email LIKE 'known%'")).rows.map((r) => [r.email, r.id]));

  const endpoint = [];
  const floor = [];
  let last;
  for (let run = 0; run < RUNS + 1; run++) {
    const list = rows(`a${run}`);
    const file = csv(list);
    const program = await api(server.baseUrl, 'POST', '/api/programs', { token, body: { name: `Bench A${run}`, timezone: 'UTC', startsOn: '2027-01-01', endsOn: '2027-06-30' } });
    const e = await timeIt(async () => (last = await api(server.baseUrl, 'POST', `/api/programs/${program.id}/roster/import`, { token, body: file, contentType: 'text/csv' })));
    const baseline = await api(server.baseUrl, 'POST', '/api/programs', { token, body: { name: `Bench B${run}`, timezone: 'UTC', startsOn: '2027-01-01', endsOn: '2027-06-30' } });
    const sql = floorSql(baseline.id, rows(`b${run}`), knownIds);
    const f = await timeIt(() => db.query(sql));
    // The first run warms both paths up.
    if (run > 0) {
      endpoint.push(e);
      floor.push(f);
    }
  }
  await db.end();

  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`\nRoster import: ${ROWS.toLocaleString('en')} rows (${KNOWN.toLocaleString('en')} known, ${(ROWS - KNOWN).toLocaleString('en')} new accounts); last answer ${JSON.stringify({ ...last, changes: undefined })}`);
  console.log('| measure | median | runs |');
  console.log('| --- | --- | --- |');
  console.log(`| POST /api/programs/:id/roster/import | ${ms(median(endpoint))} | ${RUNS} |`);
  console.log(`| one multi-row INSERT of the same rows (floor) | ${ms(median(floor))} | ${RUNS} |`);
  console.log(`| ratio import / floor (goal <= 3x) | ${(median(endpoint) / median(floor)).toFixed(2)}x | |`);
} finally {
  await server.stop();
}
