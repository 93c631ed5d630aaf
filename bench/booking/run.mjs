// Booking throughput: POST /api/sessions against raw `pg` running the same insert on the same tables, with the
// same exclusion constraints, at the same concurrency, in one run.
//   npx nx run api:build && node bench/booking/run.mjs
//   (BOOKING_CONCURRENCY=10 BOOKING_REQUESTS=3000 BOOKING_ROUNDS=3 to change the load; DATABASE_URL to use a server;
//    BOOKING_BEFORE_MAIN=<an older build's main.js> to measure it too, e.g. the build before a change)
// Every request books a distinct, free hour for one of PAIRS mentorships, so each one is a real booking (201)
// that the database has to check against the mentor's and the mentee's sessions. Raw pg runs the exact
// statement the service sends (the caller's access to the mentorship and the booking rules, advisory locks,
// session row, attendee rows), prepared under the same name as the service prepares it, with its parameters
// built in the bench, so the ratio is what the API itself costs: HTTP, auth, validation, the transaction the
// notification subscribers write in, mapping.
// Prints the median bookings/s of each over the rounds and the ratio (goal, issue 17: endpoint >= 0.6x raw), the
// CPU per booking of the API process and of the database's backends (from /proc), and, for reference, GET /api/me
// under the same load: the guard, the JWT check and the user lookup every signed-in request pays before a route
// runs, which bounds any endpoint from above. BOOKING_BEFORE_MAIN=<main.js> adds another build of the API as a
// second endpoint in the same rounds.
import autocannon from 'autocannon';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { backendsOf, procCpuMs } from '../support/proc-cpu.mjs';
import { ADMIN, api, median, startBenchServer } from '../support/server.mjs';

const CONCURRENCY = Number(process.env.BOOKING_CONCURRENCY ?? 10);
const REQUESTS = Number(process.env.BOOKING_REQUESTS ?? 3000);
const ROUNDS = Number(process.env.BOOKING_ROUNDS ?? 3);
const PAIRS = 100;
const HOUR = 3_600_000;

// The service's own statement and parameter order, from the build the API runs (`npx nx run api:build`, or
// BENCH_API_MAIN's), so the baseline cannot drift from it. It checks the caller's access to the mentorship and
// the booking rules as well as inserting: the endpoint's whole database work in one round trip.
const root = new URL('../../', import.meta.url).pathname;
const apiMain = resolve(root, process.env.BENCH_API_MAIN ?? 'dist/apps/api/apps/api/src/main.js');
const { INSERT_SESSIONS: INSERT, INSERT_SESSIONS_NAME: NAME, bookingValues } = createRequire(import.meta.url)(join(dirname(apiMain), 'sessions/insert-sessions.sql.js'));

async function register(baseUrl, email, yearOfStudy) {
  const res = await api(baseUrl, 'POST', '/api/auth/register', { body: { email, password: 'bench-password-123', fullName: email.split('@')[0], yearOfStudy } });
  // Sessions need a modality both people offer.
  await api(baseUrl, 'PUT', '/api/me/profile', { token: res.accessToken, body: { yearOfStudy, interests: [], languages: ['English'], modalities: ['in_person', 'virtual'], campus: null } });
  return { id: res.user.id, token: res.accessToken };
}

/** Slot `k` of the hour grid starting at `base`, for request `i`: each pair gets consecutive hours. */
const slot = (base, i) => ({ pair: i % PAIRS, start: base + Math.floor(i / PAIRS) * HOUR });

async function endpointRound(server, pairs, base) {
  let i = 0;
  let last = 0;
  const t0 = performance.now();
  const result = await autocannon({
    url: `${server.baseUrl}/api/sessions`,
    connections: CONCURRENCY,
    amount: REQUESTS,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const { pair, start } = slot(base, i);
          const p = pairs[pair];
          const booker = i % 2 === 0 ? p.mentee : p.mentor;
          i++;
          return {
            ...req,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${booker.token}` },
            body: JSON.stringify({ mentorshipId: p.mentorshipId, startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString(), modality: 'virtual' }),
          };
        },
        onResponse: () => {
          last = performance.now();
        },
      },
    ],
  });
  const ok = result['2xx'];
  if (ok !== REQUESTS) throw new Error(`endpoint: ${ok} of ${REQUESTS} bookings succeeded (non-2xx ${result.non2xx}, errors ${result.errors})`);
  // autocannon stops on its one-second tick, so the time of the last response is the honest end.
  return ok / ((last - t0) / 1000);
}

/** The same load on GET /api/me: what any signed-in request costs before a route does anything. */
async function authFloorRound(server, token) {
  let last = 0;
  const t0 = performance.now();
  const result = await autocannon({
    url: `${server.baseUrl}/api/me`,
    connections: CONCURRENCY,
    amount: REQUESTS,
    requests: [{ method: 'GET', headers: { authorization: `Bearer ${token}` }, onResponse: () => (last = performance.now()) }],
  });
  return result['2xx'] / ((last - t0) / 1000);
}

async function rawRound(pool, pairs, base) {
  let next = 0;
  let ok = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < REQUESTS; i = next++) {
        const { pair, start } = slot(base, i);
        const p = pairs[pair];
        const { rows } = await pool.query({
          name: NAME,
          text: INSERT,
          values: bookingValues({
            mentorshipId: p.mentorshipId,
            actorId: i % 2 === 0 ? p.mentee.id : p.mentor.id,
            modality: 'virtual',
            title: null,
            location: null,
            seatLimit: 1,
            seriesId: null,
            occurrences: [{ id: randomUUID(), start, end: start + HOUR, meetingUrl: `https://meet.jit.si/pm-${randomBytes(16).toString('hex')}` }],
            extraMentees: [],
            availabilityChecked: false,
          }),
        });
        // A rule that fails inserts nothing and still answers: count only real bookings.
        if (rows[0]?.created !== 1) throw new Error(`raw: booking ${i} inserted nothing (${JSON.stringify(rows[0] ?? null)})`);
        ok++;
      }
    }),
  );
  return ok / ((performance.now() - t0) / 1000);
}

/** CPU ms of the API process (when given) and of its database's backends while `fn` runs. */
async function withCpu(server, fn) {
  const database = new URL(server.databaseUrl).pathname.slice(1);
  const snap = () => ({ api: server.pid ? procCpuMs(server.pid) : 0, db: new Map(backendsOf(database).map((pid) => [pid, procCpuMs(pid)])) });
  const a = snap();
  const value = await fn();
  const b = snap();
  let db = 0;
  for (const [pid, ms] of b.db) db += ms - (a.db.get(pid) ?? 0);
  return { value, apiMs: b.api - a.api, dbMs: db };
}

/** One API build on its own database, with PAIRS mentorships of registered users. */
async function setUp(label, env) {
  const server = await startBenchServer(env);
  const admin = await api(server.baseUrl, 'POST', '/api/auth/login', { body: ADMIN });
  await api(server.baseUrl, 'POST', '/api/users', { token: admin.accessToken, body: { email: 'coord@bench.example', password: 'bench-password-123', fullName: 'Bench Coordinator', role: 'coordinator' } });
  const coord = await api(server.baseUrl, 'POST', '/api/auth/login', { body: { email: 'coord@bench.example', password: 'bench-password-123' } });
  const program = await api(server.baseUrl, 'POST', '/api/programs', { token: coord.accessToken, body: { name: 'Booking bench', timezone: 'UTC', startsOn: '2027-01-01', endsOn: '2035-06-30' } });
  const db = new pg.Pool({ connectionString: server.databaseUrl, max: CONCURRENCY });
  const pairs = [];
  for (let k = 0; k < PAIRS; k++) {
    const mentor = await register(server.baseUrl, `mentor${k}@bench.example`, 4);
    const mentee = await register(server.baseUrl, `mentee${k}@bench.example`, 1);
    const { rows } = await db.query(`INSERT INTO mentorship (program_id, mentee_id, mentor_id, status) VALUES ($1, $2, $3, 'active') RETURNING id`, [program.id, mentee.id, mentor.id]);
    pairs.push({ mentor, mentee, mentorshipId: rows[0].id });
  }
  return { label, server, db, pairs, rates: [], apiMs: [], dbMs: [] };
}

// BOOKING_BEFORE_MAIN=<another build's main.js>: that build as a second endpoint, on its own database, measured in
// the same rounds (an A/B on a shared, noisy machine). The raw baseline runs on the first build's database.
const targets = [await setUp('endpoint', {})];
if (process.env.BOOKING_BEFORE_MAIN) targets.push(await setUp('before', { BENCH_API_MAIN: process.env.BOOKING_BEFORE_MAIN }));
const [main] = targets;
try {
  // Each round books a fresh stretch of the calendar, far enough apart that no two rounds ever meet.
  const span = Math.ceil(REQUESTS / PAIRS) * HOUR + 30 * 24 * HOUR;
  let base = Date.UTC(2030, 0, 1);
  const raw = { rates: [], dbMs: [] };
  const floor = [];
  // One warm-up round of each, not counted: JIT, connection pools, the planner's caches.
  for (const t of targets) await endpointRound(t.server, t.pairs, (base += span));
  await rawRound(main.db, main.pairs, (base += span));
  for (let r = 0; r < ROUNDS; r++) {
    for (const t of r % 2 === 0 ? targets : [...targets].reverse()) {
      const m = await withCpu(t.server, () => endpointRound(t.server, t.pairs, (base += span)));
      t.rates.push(m.value);
      t.apiMs.push(m.apiMs / REQUESTS);
      t.dbMs.push(m.dbMs / REQUESTS);
    }
    const m = await withCpu({ databaseUrl: main.server.databaseUrl }, () => rawRound(main.db, main.pairs, (base += span)));
    raw.rates.push(m.value);
    raw.dbMs.push(m.dbMs / REQUESTS);
    floor.push(await authFloorRound(main.server, main.pairs[0].mentee.token));
  }

  const rate = (x) => `${x.toFixed(0)} bookings/s`;
  const list = (xs, digits = 0) => xs.map((x) => x.toFixed(digits)).join(', ');
  console.log(`\nBooking benchmark: ${REQUESTS} bookings per round over ${PAIRS} mentorships, concurrency ${CONCURRENCY}, ${ROUNDS} rounds (+1 warm-up)`);
  console.log('| measure | median | rounds |');
  console.log('| --- | --- | --- |');
  for (const t of targets) {
    const name = t.label === 'endpoint' ? 'POST /api/sessions (autocannon)' : `POST /api/sessions, build before (${process.env.BOOKING_BEFORE_MAIN})`;
    console.log(`| ${name} | ${rate(median(t.rates))} | ${list(t.rates)} |`);
  }
  console.log(`| raw pg, same statement (baseline) | ${rate(median(raw.rates))} | ${list(raw.rates)} |`);
  for (const t of targets) console.log(`| ratio ${t.label} / raw (goal >= 0.6x) | ${(median(t.rates) / median(raw.rates)).toFixed(2)}x | |`);
  // CPU per booking is steadier than throughput on a shared machine: it does not depend on what else runs.
  for (const t of targets) {
    console.log(`| ${t.label}: API CPU per booking | ${median(t.apiMs).toFixed(2)} ms | ${list(t.apiMs, 2)} |`);
    console.log(`| ${t.label}: PostgreSQL backends CPU per booking | ${median(t.dbMs).toFixed(2)} ms | ${list(t.dbMs, 2)} |`);
  }
  console.log(`| raw: PostgreSQL backends CPU per booking | ${median(raw.dbMs).toFixed(2)} ms | ${list(raw.dbMs, 2)} |`);
  console.log(`| for reference: GET /api/me, auth only (the shared request path) | ${rate(median(floor)).replace('bookings', 'requests')} | ${list(floor)} |`);
  console.log(`| ratio endpoint / GET /api/me | ${(median(main.rates) / median(floor)).toFixed(2)}x | |`);
} finally {
  for (const t of targets) {
    await t.db.end();
    await t.server.stop();
  }
}
