// Notifications under booking load: POST /api/sessions with notifications and mail on (a local SMTP sink),
// against the same bookings with notifications switched off (NOTIFICATIONS_ENABLED=false), in one run.
//   npx nx run api:build && node bench/notifications/run.mjs
//   (NOTIFY_BOOKINGS=2000 NOTIFY_CONCURRENCY=10 NOTIFY_ROUNDS=3 to change the load; DATABASE_URL to use a server)
// Every booking is a mentee's, so it notifies the mentor (one notification, one mail with an invitation, two
// reminder jobs). Prints, per round, bookings/s of each API and their ratio (goal: with >= 0.8x without),
// notifications created per second and mails delivered per second (from the first booking to the last mail),
// and checks that every notification's mail arrived exactly once (Message-IDs counted at the sink).
import autocannon from 'autocannon';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { ADMIN, api, median, startBenchServer } from '../support/server.mjs';

const BOOKINGS = Number(process.env.NOTIFY_BOOKINGS ?? 2000);
const CONCURRENCY = Number(process.env.NOTIFY_CONCURRENCY ?? 10);
const ROUNDS = Number(process.env.NOTIFY_ROUNDS ?? 3);
const PAIRS = Number(process.env.NOTIFY_PAIRS ?? 50);
const HOUR = 3_600_000;

/** A local SMTP sink: counts each Message-ID it accepts. */
async function startSink() {
  const seen = new Map();
  let last = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? 'none';
        seen.set(id, (seen.get(id) ?? 0) + 1);
        last = performance.now();
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.server.address().port, seen, lastAt: () => last, close: () => new Promise((r) => server.close(r)) };
}

async function setUp(server) {
  const admin = await api(server.baseUrl, 'POST', '/api/auth/login', { body: ADMIN });
  await api(server.baseUrl, 'POST', '/api/users', { token: admin.accessToken, body: { email: 'coord@bench.example', password: 'bench-password-123', fullName: 'Bench Coordinator', role: 'coordinator' } });
  const coord = await api(server.baseUrl, 'POST', '/api/auth/login', { body: { email: 'coord@bench.example', password: 'bench-password-123' } });
  const program = await api(server.baseUrl, 'POST', '/api/programs', { token: coord.accessToken, body: { name: 'Notification bench', timezone: 'Asia/Tehran', startsOn: '2027-01-01', endsOn: '2035-06-30' } });
  const db = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
  const pairs = [];
  for (let k = 0; k < PAIRS; k++) {
    const reg = async (email, yearOfStudy) => {
      const res = await api(server.baseUrl, 'POST', '/api/auth/register', { body: { email, password: 'bench-password-123', fullName: email.split('@')[0], yearOfStudy } });
      // Sessions need a modality both people offer.
      await api(server.baseUrl, 'PUT', '/api/me/profile', { token: res.accessToken, body: { yearOfStudy, interests: [], languages: ['English'], modalities: ['in_person', 'virtual'], campus: null } });
      return { id: res.user.id, token: res.accessToken };
    };
    const mentor = await reg(`mentor${k}@bench.example`, 4);
    const mentee = await reg(`mentee${k}@bench.example`, 1);
    const { rows } = await db.query(`INSERT INTO mentorship (program_id, mentee_id, mentor_id, status) VALUES ($1, $2, $3, 'active') RETURNING id`, [program.id, mentee.id, mentor.id]);
    pairs.push({ mentor, mentee, mentorshipId: rows[0].id });
  }
  return { pairs, db };
}

/** BOOKINGS mentee bookings on distinct free hours from `base`; returns bookings/s and the start time. */
async function bookRound(server, pairs, base) {
  let i = 0;
  let last = 0;
  const t0 = performance.now();
  const result = await autocannon({
    url: `${server.baseUrl}/api/sessions`,
    connections: CONCURRENCY,
    amount: BOOKINGS,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const p = pairs[i % PAIRS];
          const start = base + Math.floor(i / PAIRS) * HOUR;
          i++;
          return {
            ...req,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${p.mentee.token}` },
            body: JSON.stringify({ mentorshipId: p.mentorshipId, startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString(), modality: 'virtual' }),
          };
        },
        onResponse: () => (last = performance.now()),
      },
    ],
  });
  if (result['2xx'] !== BOOKINGS) throw new Error(`${result['2xx']} of ${BOOKINGS} bookings succeeded (non-2xx ${result.non2xx}, errors ${result.errors})`);
  return { rate: BOOKINGS / ((last - t0) / 1000), t0 };
}

const sink = await startSink();
const on = await startBenchServer({ SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'Bench <bench@bench.example>' });
let off;
try {
  off = await startBenchServer({ NOTIFICATIONS_ENABLED: 'false' });
  const a = await setUp(on);
  const b = await setUp(off);
  // Let the match-free setup settle; then each round books a fresh stretch of the calendar on both.
  const span = Math.ceil(BOOKINGS / PAIRS) * HOUR + 30 * 24 * HOUR;
  let base = Date.UTC(2030, 0, 1);
  const withN = [];
  const without = [];
  const created = [];
  const delivered = [];
  // One warm-up round of each, not counted.
  const rounds = ROUNDS + 1;
  for (let r = 0; r < rounds; r++) {
    const before = sink.seen.size;
    const { rows: n0 } = await a.db.query(`SELECT count(*)::int AS n FROM notification`);
    const offRound = await bookRound(off, b.pairs, (base += span));
    const onRound = await bookRound(on, a.pairs, (base += span));
    // Wait for every notification and every mail of this round.
    const want = n0[0].n + BOOKINGS;
    let notifiedAt = 0;
    for (const deadline = Date.now() + 600_000; ; ) {
      const { rows } = await a.db.query(`SELECT count(*)::int AS n, max(created_at) AS last FROM notification`);
      if (rows[0].n >= want && !notifiedAt) notifiedAt = performance.now();
      if (rows[0].n >= want && sink.seen.size >= before + BOOKINGS) break;
      if (Date.now() > deadline) throw new Error(`round ${r}: ${rows[0].n - n0[0].n} notifications, ${sink.seen.size - before} mails after 10 minutes`);
      await new Promise((res) => setTimeout(res, 100));
    }
    if (r === 0) continue;
    withN.push(onRound.rate);
    without.push(offRound.rate);
    created.push(BOOKINGS / ((notifiedAt - onRound.t0) / 1000));
    delivered.push(BOOKINGS / ((sink.lastAt() - onRound.t0) / 1000));
  }
  const doubled = [...sink.seen.values()].filter((n) => n > 1).length;
  const { rows: failed } = await a.db.query(`SELECT count(*)::int AS n FROM notification WHERE mail_status <> 'sent'`);
  await a.db.end();
  await b.db.end();

  const f = (x) => x.toFixed(0);
  console.log(`\nNotifications benchmark: ${BOOKINGS} mentee bookings per round over ${PAIRS} mentorships, concurrency ${CONCURRENCY}, ${ROUNDS} rounds (+1 warm-up)`);
  console.log('| measure | median | rounds |');
  console.log('| --- | --- | --- |');
  console.log(`| bookings/s, notifications and mail on | ${f(median(withN))} | ${withN.map(f).join(', ')} |`);
  console.log(`| bookings/s, notifications off (baseline) | ${f(median(without))} | ${without.map(f).join(', ')} |`);
  console.log(`| ratio on / off (goal >= 0.8x) | ${(median(withN) / median(without)).toFixed(2)}x | |`);
  console.log(`| notifications created/s (first booking to last notification) | ${f(median(created))} | ${created.map(f).join(', ')} |`);
  console.log(`| mails delivered/s (first booking to last mail) | ${f(median(delivered))} | ${delivered.map(f).join(', ')} |`);
  console.log(`| mails delivered / notifications, duplicates, not sent | ${sink.seen.size} / ${rounds * BOOKINGS}, ${doubled}, ${failed[0].n} | |`);
} finally {
  await on.stop();
  await off?.stop();
  await sink.close();
}
