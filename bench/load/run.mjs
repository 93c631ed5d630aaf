// Load benchmark (issue 7): a mixed workload against the built API for a minute, then the guarded read
// GET /api/me/sessions against a bare node:http hello server, in one run.
//   npx nx run api:build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/load/run.mjs
//   (LOAD_SECONDS=60 for the mixed phase; GUARD_SECONDS=10 GUARD_ROUNDS=3 GUARD_CONNECTIONS=10 for the second
//    phase; LOAD_CONN_LOGIN=1 LOAD_CONN_SESSIONS=4 LOAD_CONN_BOOK=2 LOAD_CONN_OUTCOMES=1 autocannon connections per
//    route; LOAD_RATE_<ROUTE>=n caps a route at n requests/s (default: no cap, closed loop); LOAD_CHAT_PAIRS=20
//    LOAD_CHAT_RATE=1 socket pairs and messages per second per client; BENCH_SERVER_LOG=1 shows the API's log.)
//
// Setup, through the API where a client would do it and raw pg where the API has no bulk path (as in
// bench/booking): a coordinator and a program; PAIRS mentor/mentee pairs (registered through the API; the
// mentorships inserted with pg, which gives each its conversation); SEED_SESSIONS sessions per pair booked
// through the API (even pairs in person, odd pairs virtual); 10,000 grade records imported through the CSV
// endpoint (the 50 mentees and 450 comparison students, 10 assessments before the program start and 10 after).
// The API runs with AUTH_RATE_LIMIT_PER_MINUTE=100000 (bench/support/server.mjs): every sign-in here comes from
// 127.0.0.1, and the default 60 a minute per address would turn the sign-in route into a stream of 429s.
// ACCESS_TOKEN_TTL_SECONDS=3600 so no token expires during a long run. Chat keeps its default per-socket rate
// limit (10/s, burst 30): the clients send well under it.
//
// Phase 1, mixed, LOAD_SECONDS long, everything at once, one autocannon instance per route (closed loop: each
// connection sends its next request when the last one is answered, so the figures are what the API sustains
// for this mix on this machine):
//   POST /api/auth/login          rotating over every student account (argon2id verification each time)
//   GET  /api/me/sessions         the 50 "reader" accounts (pairs 25-49), each with SEED_SESSIONS sessions
//   POST /api/sessions            the "booker" pairs (0-24): each request a distinct free hour of one pair,
//                                 booked by the mentee or the mentor in turn, so each one is a real 201 and no
//                                 409 is intended: any non-2xx is an error
//   GET  /api/programs/:id/outcomes  the coordinator, over the 10,000 records
//   chat: CHAT_PAIRS pairs of socket.io clients (both members connected), each client sending CHAT_RATE
//         messages/s, open loop, staggered; latency from emit to the other member's message:new.
// Errors: every non-2xx and every socket error/timeout of a route; for chat every failed or missing ack,
// every refused send, every acked message not delivered to the partner within 10 s of the end, every
// unexpected disconnect. Each one is printed with its status and message. Exit code 0 with errors (they are
// the result); non-zero only when the harness itself fails (setup, a server that dies, no connection).
//
// Phase 2: GET /api/me/sessions (reader accounts in turn, 6 sessions each) and a bare node:http server in a
// child process answering {"hello":"world"}, same autocannon settings (GUARD_CONNECTIONS connections,
// GUARD_SECONDS), one 3 s warm-up each, then GUARD_ROUNDS rounds alternating the order; medians and the ratio
// (issue 17's goals: /api/me/sessions >= 0.2x, /api/me >= 0.3x). For reference, in the same rounds: GET /api/health
// (the API's request path and one database ping, no auth), GET /api/me (the guard alone: JWT check and the account)
// and an unknown path (404: the HTTP framework, Nest and the exception filter, no database); GUARD_REFERENCE=0
// leaves them out.
// Latencies are autocannon's, of 2xx responses, in whole milliseconds.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import pg from 'pg';
import { io } from 'socket.io-client';
import { backendsOf, pidsWhere, procCpuMs } from '../support/proc-cpu.mjs';
import { ADMIN, api, median, startBenchServer } from '../support/server.mjs';

const num = (name, fallback, { zero = false } = {}) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0 || (!zero && value === 0)) throw new Error(`${name} must be a ${zero ? 'non-negative' : 'positive'} number`);
  return value;
};
const LOAD_SECONDS = num('LOAD_SECONDS', 60);
const GUARD_SECONDS = num('GUARD_SECONDS', 10);
const GUARD_ROUNDS = num('GUARD_ROUNDS', 3);
const GUARD_CONNECTIONS = num('GUARD_CONNECTIONS', 10);
const CHAT_PAIRS = num('LOAD_CHAT_PAIRS', 20);
const CHAT_RATE = num('LOAD_CHAT_RATE', 1);
const REFERENCE = process.env.GUARD_REFERENCE !== '0';
const PAIRS = 50;
const BOOKERS = 25; // pairs 0..24 book during the mixed phase; pairs 25..49 are the readers of GET /api/me/sessions
const SEED_SESSIONS = 6;
const COMPARISON = 450;
const ASSESSMENTS = 20;
const PASSWORD = 'bench-password-123';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHAT_BODY = 'Shall we go over the anatomy flashcards before Thursday? I can bring the notes from the last session.';
if (CHAT_PAIRS > PAIRS) throw new Error(`LOAD_CHAT_PAIRS must be at most ${PAIRS}`);

const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- CPU accounting from /proc (Linux): the API process, its database's backends, this harness ---------------

function cpuSnapshot(apiPid, database) {
  const backends = backendsOf(database);
  const self = process.cpuUsage();
  return { at: now(), api: procCpuMs(apiPid), db: new Map(backends.map((pid) => [pid, procCpuMs(pid)])), harness: (self.user + self.system) / 1000 };
}
function cpuBetween(a, b) {
  let db = 0;
  for (const [pid, ms] of b.db) db += ms - (a.db.get(pid) ?? 0);
  const wall = b.at - a.at;
  const pct = (ms) => (100 * ms) / wall;
  return { api: pct(b.api - a.api), db: pct(db), harness: pct(b.harness - a.harness), apiMs: b.api - a.api, dbMs: db };
}

// ---- errors, kept per route with their status and message ------------------------------------------------------

class ErrorLog {
  constructor() {
    this.byRoute = new Map();
  }
  add(route, kind, message) {
    const key = `${kind}: ${message}`;
    const perRoute = this.byRoute.get(route) ?? new Map();
    perRoute.set(key, (perRoute.get(key) ?? 0) + 1);
    this.byRoute.set(route, perRoute);
  }
  count(route) {
    let n = 0;
    for (const c of this.byRoute.get(route)?.values() ?? []) n += c;
    return n;
  }
  lines() {
    const out = [];
    for (const [route, kinds] of this.byRoute) for (const [key, n] of kinds) out.push(`  ${route}: ${n} x ${key}`);
    return out;
  }
}

function messageOf(body) {
  try {
    const parsed = JSON.parse(body);
    const message = Array.isArray(parsed.message) ? parsed.message.join('; ') : parsed.message;
    return `${parsed.error ?? ''}${parsed.code ? ` (${parsed.code})` : ''}: ${message ?? body}`.slice(0, 300);
  } catch {
    return String(body ?? '').slice(0, 300);
  }
}

/** One autocannon instance; records every non-2xx (status and message) and every socket error or timeout. */
function cannon(name, errors, opts, request) {
  const instance = autocannon({
    connections: opts.connections,
    duration: opts.duration,
    // With a rate cap, autocannon's correction for coordinated omission assumes a 1 ms interval, which floods
    // the histogram with made-up low values: the latencies below are always those of the requests actually sent.
    ...(opts.rate ? { overallRate: opts.rate, ignoreCoordinatedOmission: true } : {}),
    url: opts.url,
    requests: [
      {
        ...request,
        onResponse: (status, body) => {
          if (opts.expect ? status !== opts.expect : status < 200 || status >= 300) errors.add(name, `HTTP ${status}`, messageOf(body));
        },
      },
    ],
  });
  instance.on('reqError', (e) => errors.add(name, 'socket', e.message));
  // A bad option is emitted as 'error' on the instance, not as a rejection.
  return new Promise((resolve, reject) => {
    instance.on('error', reject);
    instance.then(resolve, reject);
  });
}

const routeStats = (r, expected4xx = false) => ({
  rps: (expected4xx ? r['4xx'] : r['2xx']) / r.duration,
  requests: r['2xx'] + r.non2xx,
  p50: r.latency.p50,
  p99: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
});

// ---- setup ------------------------------------------------------------------------------------------------

async function pool(items, width, fn) {
  let next = 0;
  const out = new Array(items.length);
  await Promise.all(Array.from({ length: width }, async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i], i);
  }));
  return out;
}

async function seed(server, db) {
  const { baseUrl } = server;
  const admin = await api(baseUrl, 'POST', '/api/auth/login', { body: ADMIN });
  await api(baseUrl, 'POST', '/api/users', { token: admin.accessToken, body: { email: 'coord@bench.example', password: PASSWORD, fullName: 'Bench Coordinator', role: 'coordinator' } });
  const coord = await api(baseUrl, 'POST', '/api/auth/login', { body: { email: 'coord@bench.example', password: PASSWORD } });
  const program = await api(baseUrl, 'POST', '/api/programs', { token: coord.accessToken, body: { name: 'Load bench', timezone: 'UTC', startsOn: '2027-01-01', endsOn: '2035-06-30' } });

  const register = async (email, yearOfStudy) => {
    const res = await api(baseUrl, 'POST', '/api/auth/register', { body: { email, password: PASSWORD, fullName: email.split('@')[0], yearOfStudy } });
    // Sessions need a modality both people offer.
    await api(baseUrl, 'PUT', '/api/me/profile', { token: res.accessToken, body: { yearOfStudy, interests: [], languages: ['English'], modalities: ['in_person', 'virtual'], campus: null } });
    return { id: res.user.id, email, token: res.accessToken };
  };
  const pairs = await pool(Array.from({ length: PAIRS }, (_, k) => k), 4, async (k) => {
    const mentor = await register(`mentor${k}@bench.example`, 4);
    const mentee = await register(`mentee${k}@bench.example`, 1);
    const { rows } = await db.query(`INSERT INTO mentorship (program_id, mentee_id, mentor_id, status) VALUES ($1, $2, $3, 'active') RETURNING id`, [program.id, mentee.id, mentor.id]);
    return { k, mentor, mentee, mentorshipId: rows[0].id };
  });

  // Some sessions per pair through the API, in 2029 (the mixed phase books from 2030 on).
  const seedBase = Date.UTC(2029, 0, 1, 9);
  await pool(pairs, 4, async (p) => {
    for (let j = 0; j < SEED_SESSIONS; j++) {
      const start = seedBase + j * 7 * DAY + p.k * HOUR;
      const inPerson = p.k % 2 === 0;
      await api(baseUrl, 'POST', '/api/sessions', {
        token: (j % 2 ? p.mentor : p.mentee).token,
        body: { mentorshipId: p.mentorshipId, startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString(), modality: inPerson ? 'in_person' : 'virtual', ...(inPerson ? { location: `Library room ${p.k}` } : {}) },
      });
    }
  });

  // Grade records through the CSV import: the mentees (mentored) and comparison students without accounts.
  const students = [...pairs.map((p) => ({ email: p.mentee.email, mentored: true })), ...Array.from({ length: COMPARISON }, (_, s) => ({ email: `c${s}@bench.example`, mentored: false }))];
  const lines = ['student_email,assessment,taken_on,score,max_score'];
  students.forEach((st, s) => {
    for (let a = 0; a < ASSESSMENTS; a++) {
      const before = a < ASSESSMENTS / 2;
      const date = `${before ? 2026 : 2027}-${String(1 + (a % 6)).padStart(2, '0')}-${String(1 + ((a * 3) % 27)).padStart(2, '0')}`;
      const score = Math.min(100, 40 + ((s * 7 + a * 13) % 45) + (!before && st.mentored ? 6 : 0));
      lines.push(`${st.email},A${a},${date},${score},100`);
    }
  });
  const imported = await api(baseUrl, 'POST', `/api/programs/${program.id}/academic-records/import`, { token: coord.accessToken, body: lines.join('\n'), contentType: 'text/csv' });

  // Each mentorship's conversation, for the chat clients.
  const chatPairs = await pool(pairs.slice(0, CHAT_PAIRS), 4, async (p) => {
    const list = await api(baseUrl, 'GET', '/api/conversations', { token: p.mentee.token });
    const conversation = list.find((c) => c.mentorshipId === p.mentorshipId);
    if (!conversation) throw new Error(`no conversation for mentorship ${p.mentorshipId}`);
    return { ...p, conversationId: conversation.id };
  });
  return { program, coord, pairs, chatPairs, records: imported.rows ?? imported.imported };
}

// ---- chat clients ---------------------------------------------------------------------------------------------

function connect(baseUrl, user, index, errors) {
  const socket = io(`${baseUrl}/chat`, { auth: { token: user.token }, transports: ['websocket'], forceNew: true, reconnection: false });
  const client = { socket, user, index, sent: 0, closing: false };
  socket.on('disconnect', (reason) => {
    if (!client.closing) errors.add('chat', 'disconnect', `client ${index}: ${reason}`);
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (e) => reject(new Error(`chat client ${index} could not connect: ${e.message}`)));
  });
}

async function startChat(baseUrl, chatPairs, errors) {
  const clients = [];
  for (const p of chatPairs) {
    const a = await connect(baseUrl, p.mentor, clients.length, errors);
    const b = await connect(baseUrl, p.mentee, clients.length + 1, errors);
    a.partner = b;
    b.partner = a;
    a.conversationId = b.conversationId = p.conversationId;
    clients.push(a, b);
  }
  for (const c of clients) {
    const ack = await c.socket.timeout(10_000).emitWithAck('conversation:join', { conversationId: c.conversationId });
    if (!ack.ok) throw new Error(`conversation:join refused: ${ack.error}`);
  }
  const records = new Map();
  const stats = { sent: 0, acked: 0, delivered: 0, failedAcks: 0 };
  for (const c of clients) {
    c.socket.on('message:new', (m) => {
      if (m.senderId === c.user.id) return; // the sender's own echo
      const r = records.get(m.clientMessageId);
      if (!r) return errors.add('chat', 'unexpected message', `client ${c.index} got ${m.clientMessageId}`);
      if (r.from !== c.partner) return errors.add('chat', 'misdelivered', `${m.clientMessageId} reached client ${c.index}`);
      if (r.del) return errors.add('chat', 'duplicate', `${m.clientMessageId} delivered twice`);
      r.del = now();
      stats.delivered++;
    });
  }
  return { clients, records, stats };
}

/** Open loop: every client sends CHAT_RATE messages per second, staggered over the interval, until `end`. */
function driveChat(chat, errors, end) {
  const { clients, records, stats } = chat;
  const interval = 1000 / CHAT_RATE;
  const start = now();
  const send = (c) => {
    const clientMessageId = `load.${c.index}.${c.sent++}`;
    const record = { t0: now(), from: c, del: 0, ack: 0 };
    records.set(clientMessageId, record);
    stats.sent++;
    c.socket.timeout(10_000).emit('message:send', { conversationId: c.conversationId, body: CHAT_BODY, clientMessageId }, (err, ack) => {
      if (err) {
        stats.failedAcks++;
        errors.add('chat', 'no ack within 10 s', 'message:send');
      } else if (!ack.ok) {
        stats.failedAcks++;
        errors.add('chat', `ack ok:false ${ack.code ?? ''}`, ack.error);
      } else {
        record.ack = now();
        stats.acked++;
      }
    });
  };
  return new Promise((resolve) => {
    const tick = () => {
      const t = now();
      if (t >= end) return resolve();
      clients.forEach((c, i) => {
        const due = Math.floor((t - start - (i * interval) / clients.length) / interval) + 1;
        while (c.sent < due) send(c);
      });
      setTimeout(tick, 2);
    };
    tick();
  });
}

async function drainChat(chat, errors) {
  const { records, stats } = chat;
  const deadline = now() + 10_000;
  while (stats.acked + stats.failedAcks < stats.sent || stats.delivered < stats.acked) {
    if (now() > deadline) break;
    await sleep(20);
  }
  if (stats.acked + stats.failedAcks < stats.sent) errors.add('chat', 'no ack', `${stats.sent - stats.acked - stats.failedAcks} sends still unanswered 10 s after the end`);
  if (stats.delivered < stats.acked) errors.add('chat', 'undelivered', `${stats.acked - stats.delivered} acked messages never reached the other member`);
  const latencies = [...records.values()].filter((r) => r.del).map((r) => r.del - r.t0).sort((x, y) => x - y);
  const acks = [...records.values()].filter((r) => r.ack).map((r) => r.ack - r.t0).sort((x, y) => x - y);
  const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? NaN;
  return { latencyP50: pct(latencies, 50), latencyP99: pct(latencies, 99), ackP50: pct(acks, 50), ackP99: pct(acks, 99) };
}

// ---- the bare baseline --------------------------------------------------------------------------------------

const BARE_SERVER = `
  const http = require('node:http');
  const body = JSON.stringify({ hello: 'world' });
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 65000;
  server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

async function startBare() {
  const child = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', () => reject(new Error('the bare server exited during start-up')));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    pid: child.pid,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---- the run -------------------------------------------------------------------------------------------------

// autocannon keeps whole milliseconds.
const fmtMs = (x) => (!Number.isFinite(x) ? 'n/a' : x === 0 ? '< 1 ms' : `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms`);
const fmtRate = (x) => `${x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en')}/s`;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

let server;
let bare;
let db;
let chat;
let harnessFailure;
const errors = new ErrorLog();
// Anything thrown outside the main flow (an emitter's 'error', a callback) still stops the API before exiting.
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.once(event, async (e) => {
    console.error(`\nHARNESS FAILURE (${event}): ${e?.stack ?? e}`);
    await Promise.race([Promise.all([bare?.stop(), server?.stop()]).catch(() => {}), sleep(15_000)]);
    process.exit(1);
  });
}
try {
  const loadBefore = load();
  server = await startBenchServer({ ACCESS_TOKEN_TTL_SECONDS: '3600' });
  const [apiPid] = pidsWhere((cmd, ppid) => ppid === process.pid && cmd.includes('main.js'));
  if (!apiPid) throw new Error('cannot find the API process');
  const database = new URL(server.databaseUrl).pathname.slice(1);
  db = new pg.Pool({ connectionString: server.databaseUrl, max: 4 });
  const t0 = now();
  const data = await seed(server, db);
  const { rows: version } = await db.query('SHOW server_version');
  const setupSeconds = (now() - t0) / 1000;

  const students = data.pairs.flatMap((p) => [p.mentor, p.mentee]);
  const readers = data.pairs.slice(BOOKERS).flatMap((p) => [p.mentor, p.mentee]);
  const bookers = data.pairs.slice(0, BOOKERS);

  const connections = {
    login: num('LOAD_CONN_LOGIN', 1),
    sessions: num('LOAD_CONN_SESSIONS', 4),
    book: num('LOAD_CONN_BOOK', 2),
    outcomes: num('LOAD_CONN_OUTCOMES', 1),
  };
  const rates = {
    login: num('LOAD_RATE_LOGIN', 0, { zero: true }),
    sessions: num('LOAD_RATE_SESSIONS', 0, { zero: true }),
    book: num('LOAD_RATE_BOOK', 0, { zero: true }),
    outcomes: num('LOAD_RATE_OUTCOMES', 0, { zero: true }),
  };

  console.log(`\nLoad benchmark: mixed phase ${LOAD_SECONDS} s, then GET /api/me/sessions vs a bare node:http hello (${GUARD_CONNECTIONS} connections, ${GUARD_SECONDS} s, ${GUARD_ROUNDS} rounds)`);
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${version[0].server_version}; load average before: ${loadBefore}`);
  console.log(`setup (${setupSeconds.toFixed(1)} s): ${PAIRS} pairs with mentorships (${BOOKERS} booking, ${PAIRS - BOOKERS} reading), ${PAIRS * SEED_SESSIONS} sessions, ${(PAIRS + COMPARISON) * ASSESSMENTS} grade records imported by CSV, ${CHAT_PAIRS} chat pairs`);

  // ---- phase 1: the mixed workload ----
  chat = await startChat(server.baseUrl, data.chatPairs, errors);
  let loginNext = 0;
  let readNext = 0;
  let bookNext = 0;
  const bookBase = Date.UTC(2030, 0, 1);
  const cpuFrom = cpuSnapshot(apiPid, database);
  const end = now() + LOAD_SECONDS * 1000;
  const common = (route) => ({ connections: connections[route], rate: rates[route], duration: LOAD_SECONDS });
  const runs = {
    'POST /api/auth/login': cannon('POST /api/auth/login', errors, { ...common('login'), url: `${server.baseUrl}/api/auth/login` }, {
      method: 'POST',
      setupRequest: (req) => {
        const user = students[loginNext++ % students.length];
        return { ...req, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: PASSWORD }) };
      },
    }),
    'GET /api/me/sessions': cannon('GET /api/me/sessions', errors, { ...common('sessions'), url: `${server.baseUrl}/api/me/sessions` }, {
      method: 'GET',
      setupRequest: (req) => ({ ...req, headers: { authorization: `Bearer ${readers[readNext++ % readers.length].token}` } }),
    }),
    'POST /api/sessions': cannon('POST /api/sessions', errors, { ...common('book'), url: `${server.baseUrl}/api/sessions` }, {
      method: 'POST',
      setupRequest: (req) => {
        const i = bookNext++;
        const p = bookers[i % BOOKERS];
        const start = bookBase + Math.floor(i / BOOKERS) * HOUR;
        const booker = Math.floor(i / BOOKERS) % 2 === 0 ? p.mentee : p.mentor;
        return {
          ...req,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${booker.token}` },
          body: JSON.stringify({ mentorshipId: p.mentorshipId, startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString(), modality: 'virtual' }),
        };
      },
    }),
    'GET /api/programs/:id/outcomes': cannon('GET /api/programs/:id/outcomes', errors, { ...common('outcomes'), url: `${server.baseUrl}/api/programs/${data.program.id}/outcomes` }, {
      method: 'GET',
      headers: { authorization: `Bearer ${data.coord.accessToken}` },
    }),
  };
  const chatDriven = driveChat(chat, errors, end);
  const results = {};
  for (const [route, run] of Object.entries(runs)) results[route] = routeStats(await run);
  await chatDriven;
  const cpu = cpuBetween(cpuFrom, cpuSnapshot(apiPid, database));
  const chatWall = LOAD_SECONDS;
  const chatLatency = await drainChat(chat, errors);
  for (const c of chat.clients) {
    c.closing = true;
    c.socket.disconnect();
  }
  const loadAfterMixed = load();

  const { rows: booked } = await db.query(`SELECT count(*)::int AS n FROM mentoring_session WHERE starts_at >= $1`, [new Date(bookBase)]);
  const { rows: stored } = await db.query(`SELECT count(*)::int AS n FROM chat_message`);

  console.log(`\nMixed phase, ${LOAD_SECONDS} s, closed loop per route (connections: login ${connections.login}, me/sessions ${connections.sessions}, booking ${connections.book}, outcomes ${connections.outcomes})${Object.values(rates).some(Boolean) ? `, rate caps ${JSON.stringify(rates)}` : ''}; chat ${CHAT_PAIRS} pairs (${2 * CHAT_PAIRS} clients) at ${CHAT_RATE} msg/s each`);
  console.log('| route | throughput (2xx) | p50 | p99 | non-2xx | socket errors / timeouts |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  let totalRequests = 0;
  let totalOk = 0;
  let totalErrors = 0;
  for (const [route, s] of Object.entries(results)) {
    totalRequests += s.requests + s.errors;
    totalOk += s.requests - s.non2xx;
    totalErrors += s.non2xx + s.errors;
    console.log(`| ${route} | ${fmtRate(s.rps)} | ${fmtMs(s.p50)} | ${fmtMs(s.p99)} | ${s.non2xx} | ${s.errors} / ${s.timeouts} |`);
  }
  const chatErrors = errors.count('chat');
  totalErrors += chatErrors;
  console.log(`| chat message:send -> partner's message:new | ${fmtRate(chat.stats.delivered / chatWall)} delivered (${chat.stats.sent} sent, ${chat.stats.acked} acked) | ${fmtMs(chatLatency.latencyP50)} | ${fmtMs(chatLatency.latencyP99)} | ${chat.stats.failedAcks} failed acks | ${chatErrors} chat errors in all |`);
  console.log(`| chat emit -> ack (stored) | | ${fmtMs(chatLatency.ackP50)} | ${fmtMs(chatLatency.ackP99)} | | |`);
  console.log(`| all HTTP routes | ${fmtRate(totalOk / LOAD_SECONDS)} | | | | |`);
  console.log(`CPU during the phase (% of one core): API ${cpu.api.toFixed(0)}%, its PostgreSQL backends ${cpu.db.toFixed(0)}%, this harness ${cpu.harness.toFixed(0)}%; load average after: ${loadAfterMixed}`);
  console.log(`checked: ${booked[0].n} sessions stored by the phase's bookings (201s counted in the window: ${results['POST /api/sessions'].requests - results['POST /api/sessions'].non2xx}; requests in flight at the end finish after it); ${stored[0].n} chat messages stored (acked: ${chat.stats.acked})`);
  if (totalErrors === 0) console.log(`ERRORS: 0 of ${totalRequests + chat.stats.sent} requests and messages (goal: zero errors) - met`);
  else {
    console.log(`ERRORS: ${totalErrors} of ${totalRequests + chat.stats.sent} requests and messages (goal: zero errors) - NOT MET`);
    for (const line of errors.lines()) console.log(line);
  }

  // ---- phase 2: the guarded read against a bare node:http server ----
  bare = await startBare();
  const guardErrors = new ErrorLog();
  let guardNext = 0;
  const guardCannon = (name, url, request, expect) => (duration = GUARD_SECONDS) => cannon(name, guardErrors, { connections: GUARD_CONNECTIONS, duration, url, expect }, request);
  const targets = {
    api: guardCannon('GET /api/me/sessions (phase 2)', `${server.baseUrl}/api/me/sessions`, {
      method: 'GET',
      setupRequest: (req) => ({ ...req, headers: { authorization: `Bearer ${readers[guardNext++ % readers.length].token}` } }),
    }),
    bare: guardCannon('bare hello (phase 2)', bare.url, { method: 'GET' }),
    // For reference, to show where the gap is: the API's framework alone (an unknown path: the HTTP framework,
    // Nest's router and the exception filter, a 404, no database), its request
    // path with one database ping and no auth, and the guard alone (JWT check + user lookup), the floor of
    // every signed-in route.
    ...(REFERENCE
      ? {
          notFound: guardCannon('GET /api/no-such-route (phase 2)', `${server.baseUrl}/api/no-such-route`, { method: 'GET' }, 404),
          health: guardCannon('GET /api/health (phase 2)', `${server.baseUrl}/api/health`, { method: 'GET' }),
          me: guardCannon('GET /api/me (phase 2)', `${server.baseUrl}/api/me`, {
            method: 'GET',
            setupRequest: (req) => ({ ...req, headers: { authorization: `Bearer ${readers[guardNext++ % readers.length].token}` } }),
          }),
        }
      : {}),
  };
  const order = Object.keys(targets);
  for (const t of order) await targets[t](Math.min(3, GUARD_SECONDS)); // warm-up (3 s), not counted
  const rounds = Object.fromEntries(order.map((t) => [t, []]));
  for (let r = 0; r < GUARD_ROUNDS; r++) {
    for (const t of r % 2 === 0 ? order : [...order].reverse()) {
      // CPU of the server answering (the API or the bare server) and of the API's database backends.
      const pid = t === 'bare' ? bare.pid : apiPid;
      const from = cpuSnapshot(pid, database);
      const s = routeStats(await targets[t](), t === 'notFound');
      const cpu = cpuBetween(from, cpuSnapshot(pid, database));
      const answered = s.rps * GUARD_SECONDS;
      Object.assign(s, { serverPct: cpu.api, dbPct: cpu.db, serverUs: (1000 * cpu.apiMs) / answered, dbUs: (1000 * cpu.dbMs) / answered });
      rounds[t].push(s);
      process.stderr.write(`phase 2 round ${r + 1} ${t}: ${fmtRate(s.rps)}, p50 ${fmtMs(s.p50)}, p99 ${fmtMs(s.p99)}\n`);
    }
  }
  const med = (t, f) => median(rounds[t].map(f));
  const ratio = med('api', (s) => s.rps) / med('bare', (s) => s.rps);
  const labels = { api: 'GET /api/me/sessions', bare: 'bare node:http hello (baseline)', notFound: 'for reference: GET /api/no-such-route (404: the HTTP framework, Nest, the exception filter; no auth, no DB)', health: 'for reference: GET /api/health (no auth, one DB ping)', me: 'for reference: GET /api/me (the guard alone)' };
  console.log(`\nGuarded read vs bare node:http, ${GUARD_CONNECTIONS} connections, ${GUARD_SECONDS} s, ${GUARD_ROUNDS} rounds (+1 warm-up of 3 s each, order alternating), medians:`);
  console.log('| target | requests/s | p50 | p99 | server CPU, % of a core | server CPU per request | DB backends CPU per request | rounds (requests/s) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const us = (x) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en')} µs` : 'n/a');
  for (const t of ['api', 'bare', 'notFound', 'health', 'me'].filter((t) => rounds[t])) {
    console.log(
      `| ${labels[t]} | ${fmtRate(med(t, (s) => s.rps))} | ${fmtMs(med(t, (s) => s.p50))} | ${fmtMs(med(t, (s) => s.p99))} | ${med(t, (s) => s.serverPct).toFixed(0)}% | ${us(med(t, (s) => s.serverUs))} | ${t === 'bare' ? '-' : us(med(t, (s) => s.dbUs))} | ${rounds[t].map((s) => Math.round(s.rps)).join(', ')} |`,
    );
  }
  console.log(`| ratio GET /api/me/sessions / bare (goal >= 0.2x) | **${ratio.toFixed(3)}x** - ${ratio >= 0.2 ? 'met' : 'NOT MET'} | | | | | | |`);
  if (REFERENCE) {
    const meRatio = med('me', (s) => s.rps) / med('bare', (s) => s.rps);
    console.log(`| ratio GET /api/me / bare (goal >= 0.3x) | **${meRatio.toFixed(3)}x** - ${meRatio >= 0.3 ? 'met' : 'NOT MET'} | | | | | | |`);
  }
  if (REFERENCE) console.log(`| ratio GET /api/me/sessions / GET /api/me | ${(med('api', (s) => s.rps) / med('me', (s) => s.rps)).toFixed(2)}x | | | | | | |`);
  const guardErrorCount = Object.entries(rounds).reduce((n, [t, xs]) => n + xs.reduce((m, s) => m + (t === 'notFound' ? 0 : s.non2xx) + s.errors, 0), 0);
  if (guardErrorCount > 0) {
    console.log(`phase 2 errors: ${guardErrorCount}`);
    for (const line of guardErrors.lines()) console.log(line);
  }
  console.log(`load average at the end: ${load()}`);

  const health = await fetch(`${server.baseUrl}/api/health`).catch(() => undefined);
  if (!health?.ok) throw new Error(`the API does not answer /api/health after the run (${health?.status ?? 'no answer'})`);
} catch (e) {
  harnessFailure = e;
} finally {
  for (const c of chat?.clients ?? []) {
    c.closing = true;
    c.socket.disconnect();
  }
  await db?.end().catch(() => {});
  await bare?.stop().catch(() => {});
  await server?.stop().catch((e) => (harnessFailure ??= e));
}
if (harnessFailure) {
  console.error(`\nHARNESS FAILURE: ${harnessFailure.stack ?? harnessFailure}`);
  process.exit(1);
}
