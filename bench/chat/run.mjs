// Chat benchmark (issue 5): our /chat gateway against a bare socket.io relay, same client harness, one run.
//   npx nx build api && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/chat/run.mjs
//   (CHAT_PAIRS=20 CHAT_WINDOW=4 CHAT_SECONDS=10 CHAT_ROUNDS=3 CHAT_BODY_CHARS=100 to change the load;
//    CHAT_ADAPTER=redis [REDIS_URL=...] for the gateway's Redis fan-out instead of PostgreSQL's;
//    CHAT_PROFILE=<dir> to write CPU profiles of the servers during the first measured saturation phase;
//    CHAT_VARIANT_ENV='{"REDIS_URL":"redis://127.0.0.1:6379"}' [CHAT_VARIANT_LABEL=redis] to add a second API process
//    with that extra environment as a third target, measured in the same rounds: an A/B on a shared, noisy machine;
//    CHAT_BEFORE_MAIN=<path to an older build's main.js> to add that build of the API as another gateway target,
//    e.g. the build before a change, measured in the same rounds.)
//
// PAIRS mentorships, each with its two members connected over websocket (2 x PAIRS clients, forceNew, all in
// this process). Both members of a pair send, and each message is timed from the sender's emit to the other
// member's `message:new`. Targets:
//   - gateway: the built API (bench/support/server.mjs) on a fresh database, with its per-socket rate limit
//     raised (CHAT_RATE_LIMIT_PER_SECOND/BURST=100000: the default 10/s, burst 30, is a per-user abuse limit
//     that would otherwise be the only thing measured) and the default cluster adapter (PostgreSQL
//     LISTEN/NOTIFY), i.e. the whole path: auth'd socket, validation, membership check, insert, fan-out.
//   - bare: bare-server.mjs, a socket.io server in a child process that relays the same events, stores nothing.
//   - insert: insert-relay.mjs, the bare relay plus a plain single-row INSERT per message into PostgreSQL (its own
//     table in the gateway's database) before emitting and acking: the naive store-then-ack design.
// Phases, each CHAT_SECONDS long, the first second excluded from every figure (ramp-up):
//   1. saturation: every sender keeps CHAT_WINDOW sends unacknowledged (sends the next on each ack), so the
//      server is never idle; measured: messages delivered per second, messages acknowledged (= stored, for the
//      gateway) per second, p50/p99 latency (mostly queueing at saturation).
//   2. half load: an open-loop fixed rate, R = half the GATEWAY's median saturation throughput (delivered) from
//      phase 1, offered to every target, spread evenly over the senders; measured: p50/p99 latency.
// Also per phase, from /proc: CPU of each server process, of the PostgreSQL backends of the gateway's database,
// and of this harness (the bare relay's throughput is partly bounded by the harness, which shares the machine).
// One unmeasured warm-up phase per target first; the order of the targets rotates each round; medians over the
// rounds. Every phase is checked, and any failure exits non-zero (missed goals do not): every send acked ok,
// every acked message delivered to the other member exactly once and echoed to the sender once, seq strictly
// rising at every receiver, and for the gateway (and the insert relay), rows stored = messages acknowledged.
// Goals (issue 17): gateway throughput >= 0.25x the bare relay and >= 2x the insert relay; p99 at half load
// <= 5x the bare relay.
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { io } from 'socket.io-client';
import { backendsOf, pidsWhere, procCpuMs } from '../support/proc-cpu.mjs';
import { ADMIN, api, median, startBenchServer } from '../support/server.mjs';

const num = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const PAIRS = num('CHAT_PAIRS', 20);
const WINDOW = num('CHAT_WINDOW', 4);
const SECONDS = num('CHAT_SECONDS', 10);
const ROUNDS = num('CHAT_ROUNDS', 3);
const BODY_CHARS = num('CHAT_BODY_CHARS', 100);
const ADAPTER = process.env.CHAT_ADAPTER ?? 'postgres';
const PROFILE = process.env.CHAT_PROFILE;
const WARM_MS = 1000;
const DRAIN_TIMEOUT_MS = 60_000;
if (!['postgres', 'redis'].includes(ADAPTER)) throw new Error('CHAT_ADAPTER must be postgres or redis');

const here = fileURLToPath(new URL('.', import.meta.url));
const body = 'Hello! Shall we go over the anatomy flashcards before Thursday? I can bring the notes too. '.repeat(50).slice(0, BODY_CHARS);
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const failures = [];
const fail = (what) => {
  if (failures.length < 50) failures.push(what);
};

// ---- CPU accounting from /proc (Linux): the server process, the database's backends, this harness ----------

/** CPU time so far of a target's server process and of the PostgreSQL backends connected to its database. */
function cpuSnapshot(target) {
  const backends = target.database ? backendsOf(target.database) : [];
  const perBackend = new Map(backends.map((pid) => [pid, procCpuMs(pid)]));
  const self = process.cpuUsage();
  return { at: now(), server: procCpuMs(target.pid), perBackend, harness: (self.user + self.system) / 1000 };
}
function cpuBetween(a, b) {
  let db = 0;
  for (const [pid, ms] of b.perBackend) db += ms - (a.perBackend.get(pid) ?? 0);
  return { wallMs: b.at - a.at, server: b.server - a.server, db, harness: b.harness - a.harness };
}

// ---- targets ---------------------------------------------------------------------------------------------------

/** A relay child process: bare-server.mjs, or insert-relay.mjs on `databaseUrl`. */
async function startRelay({ script, short, name, databaseUrl }) {
  const args = PROFILE ? ['-r', `${here}cpu-profile.cjs`] : [];
  const child = spawn(process.execPath, [...args, `${here}${script}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CHAT_PROFILE_LABEL: short, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
  });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', () => reject(new Error(`${script} exited during start-up`)));
  });
  return {
    name,
    short,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const knownPids = new Set();

async function startGateway({ short, name, env = {}, main }) {
  const redisUrl = ADAPTER === 'redis' ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : '';
  const nodeOptions = `${env.NODE_OPTIONS ?? process.env.NODE_OPTIONS ?? ''}${PROFILE ? ` -r ${here}cpu-profile.cjs` : ''}`.trim();
  // startBenchServer reads BENCH_API_MAIN from this process's environment: set it for this one start only.
  const defaultMain = process.env.BENCH_API_MAIN;
  if (main) process.env.BENCH_API_MAIN = main;
  let server;
  try {
    server = await startBenchServer({
      CHAT_RATE_LIMIT_PER_SECOND: '100000',
      CHAT_RATE_LIMIT_BURST: '100000',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      // Empty is unset (loadConfig): the PostgreSQL adapter, whatever this shell's REDIS_URL says.
      REDIS_URL: redisUrl,
      CHAT_PROFILE_LABEL: short,
      ...env,
      NODE_OPTIONS: nodeOptions,
    });
  } finally {
    if (defaultMain === undefined) delete process.env.BENCH_API_MAIN;
    else process.env.BENCH_API_MAIN = defaultMain;
  }
  const [pid] = pidsWhere((cmd, ppid) => ppid === process.pid && cmd.includes('main.js')).filter((p) => !knownPids.has(p));
  if (!pid) throw new Error('cannot find the API process');
  knownPids.add(pid);
  const database = new URL(server.databaseUrl).pathname.slice(1);
  const db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  return { name, short, url: server.baseUrl, pid, database, db, countSql: 'SELECT count(*)::int AS n FROM chat_message', server, acked: 0, stop: async () => (await db.end(), await server.stop()) };
}

/** Accounts and mentorships on the gateway's database; the bare relay takes the same ids as its "tokens". */
async function seedPairs(gateway) {
  const { baseUrl } = gateway.server;
  const admin = await api(baseUrl, 'POST', '/api/auth/login', { body: ADMIN });
  await api(baseUrl, 'POST', '/api/users', { token: admin.accessToken, body: { email: 'coord@bench.example', password: 'bench-password-123', fullName: 'Bench Coordinator', role: 'coordinator' } });
  const coord = await api(baseUrl, 'POST', '/api/auth/login', { body: { email: 'coord@bench.example', password: 'bench-password-123' } });
  const program = await api(baseUrl, 'POST', '/api/programs', { token: coord.accessToken, body: { name: 'Chat bench', timezone: 'UTC', startsOn: '2027-01-01', endsOn: '2035-06-30' } });
  const register = async (email, yearOfStudy) => {
    const res = await api(baseUrl, 'POST', '/api/auth/register', { body: { email, password: 'bench-password-123', fullName: email.split('@')[0], yearOfStudy } });
    return { id: res.user.id, token: res.accessToken };
  };
  const pairs = [];
  for (let k = 0; k < PAIRS; k++) {
    const mentor = await register(`mentor${k}@bench.example`, 4);
    const mentee = await register(`mentee${k}@bench.example`, 1);
    const { rows } = await gateway.db.query(`INSERT INTO mentorship (program_id, mentee_id, mentor_id, status) VALUES ($1, $2, $3, 'active') RETURNING id`, [program.id, mentee.id, mentor.id]);
    const list = await api(baseUrl, 'GET', '/api/conversations', { token: mentee.token });
    const conversation = list.find((c) => c.mentorshipId === rows[0].id);
    if (!conversation) throw new Error('no conversation for a new mentorship');
    pairs.push({ mentor, mentee, conversationId: conversation.id });
  }
  return pairs;
}

// ---- the client harness (identical for both targets) -------------------------------------------------------------

let current; // the phase receiving events

function connectClient(url, token, userId, conversationId, index) {
  const socket = io(`${url}/chat`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
  const client = { socket, userId, conversationId, index, partner: undefined, sent: 0, inflight: 0, lastSeq: 0 };
  socket.on('message:new', (m) => current?.onNew(client, m));
  socket.on('disconnect', (reason) => {
    if (!client.closing) fail(`client ${index} disconnected: ${reason}`);
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', reject);
  });
}

async function connectTarget(target, pairs) {
  const clients = [];
  for (const [k, p] of pairs.entries()) {
    const tokenOf = (user) => (target.relay ? user.id : user.token);
    const a = await connectClient(target.url, tokenOf(p.mentor), p.mentor.id, p.conversationId, 2 * k);
    const b = await connectClient(target.url, tokenOf(p.mentee), p.mentee.id, p.conversationId, 2 * k + 1);
    a.partner = b;
    b.partner = a;
    clients.push(a, b);
  }
  for (const c of clients) {
    const ack = await c.socket.timeout(10_000).emitWithAck('conversation:join', { conversationId: c.conversationId });
    if (!ack.ok) throw new Error(`join refused: ${ack.error}`);
  }
  target.clients = clients;
}

function disconnectTarget(target) {
  for (const c of target.clients ?? []) {
    c.closing = true;
    c.socket.disconnect();
  }
}

let phaseCount = 0;

class Phase {
  constructor(target, kind) {
    this.target = target;
    this.kind = kind;
    this.id = `${target.short}${++phaseCount}`;
    this.records = new Map();
    this.acked = 0;
    this.delivered = 0;
    this.echoes = 0;
    this.open = 0;
    this.onAck = undefined;
  }

  send(client) {
    const clientMessageId = `${this.id}.${client.index}.${client.sent++}`;
    const record = { t0: now(), ack: 0, del: 0, from: client };
    this.records.set(clientMessageId, record);
    this.open++;
    client.inflight++;
    client.socket.timeout(30_000).emit('message:send', { conversationId: client.conversationId, body, clientMessageId }, (err, ack) => {
      this.open--;
      client.inflight--;
      if (err) fail(`${this.id}: no ack for ${clientMessageId} within 30 s`);
      else if (!ack.ok) fail(`${this.id}: ${clientMessageId} refused: ${ack.code} ${ack.error}`);
      else if (ack.message.clientMessageId !== clientMessageId || ack.message.senderId !== client.userId) fail(`${this.id}: ack for ${clientMessageId} carries another message`);
      else {
        record.ack = now();
        this.acked++;
      }
      this.onAck?.(client);
    });
  }

  onNew(client, m) {
    if (m.conversationId !== client.conversationId) return fail(`${this.id}: a message of another conversation reached client ${client.index}`);
    if (!(m.seq > client.lastSeq)) fail(`${this.id}: client ${client.index} saw seq ${m.seq} after ${client.lastSeq}`);
    client.lastSeq = m.seq;
    const record = this.records.get(m.clientMessageId);
    if (!record) return fail(`${this.id}: client ${client.index} received unknown message ${m.clientMessageId}`);
    if (m.senderId === client.userId) {
      if (record.from !== client) fail(`${this.id}: echo of ${m.clientMessageId} on the wrong client`);
      this.echoes++;
      return;
    }
    if (record.from !== client.partner) return fail(`${this.id}: ${m.clientMessageId} delivered to client ${client.index}, not to the sender's partner`);
    if (record.del) return fail(`${this.id}: ${m.clientMessageId} delivered twice`);
    record.del = now();
    this.delivered++;
  }

  /** Waits until every send is acked and every acked message delivered and echoed, then checks the database. */
  async drain() {
    const deadline = now() + DRAIN_TIMEOUT_MS;
    while (this.open > 0 || this.delivered < this.acked || this.echoes < this.acked) {
      if (now() > deadline) {
        fail(`${this.id}: after ${DRAIN_TIMEOUT_MS / 1000} s, ${this.open} sends unacked, ${this.acked - this.delivered} acked messages undelivered, ${this.acked - this.echoes} not echoed`);
        break;
      }
      await sleep(20);
    }
    await sleep(100); // anything late (a duplicate) shows up now
    if (this.delivered !== this.acked || this.echoes !== this.acked) fail(`${this.id}: ${this.acked} acked, ${this.delivered} delivered, ${this.echoes} echoed`);
    const t = this.target;
    if (t.db) {
      t.acked += this.acked;
      const { rows } = await t.db.query(t.countSql);
      if (rows[0].n !== t.acked) fail(`${this.id}: ${t.short} stored ${rows[0].n} rows, ${t.acked} messages were acknowledged`);
    }
  }

  /** Figures over [from, to]: deliveries and acks that happened in it, latency of the sends emitted in it. */
  stats(from, to, cpu) {
    const seconds = (to - from) / 1000;
    let delivered = 0;
    let acked = 0;
    let offered = 0;
    const latencies = [];
    const ackLatencies = [];
    for (const r of this.records.values()) {
      if (r.del >= from && r.del <= to) delivered++;
      if (r.ack >= from && r.ack <= to) acked++;
      if (r.t0 >= from && r.t0 <= to) {
        offered++;
        if (r.del) latencies.push(r.del - r.t0);
        if (r.ack) ackLatencies.push(r.ack - r.t0);
      }
    }
    latencies.sort((x, y) => x - y);
    ackLatencies.sort((x, y) => x - y);
    const pct = (p, xs = latencies) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? NaN;
    // CPU per message processed: per acknowledged (for the gateway: stored) message, which is also what the bare
    // relay delivers; the gateway's deliveries can lag its acks (see docs/chat.md, cluster fan-out).
    const per1k = (ms) => (acked > 0 ? (ms * 1000) / acked : NaN);
    return {
      deliveredPerSec: delivered / seconds,
      ackedPerSec: acked / seconds,
      offeredPerSec: offered / seconds,
      p50: pct(50),
      p99: pct(99),
      ackP50: pct(50, ackLatencies),
      ackP99: pct(99, ackLatencies),
      samples: latencies.length,
      cpu: { serverPct: (100 * cpu.server) / cpu.wallMs, dbPct: (100 * cpu.db) / cpu.wallMs, harnessPct: (100 * cpu.harness) / cpu.wallMs, serverPer1k: per1k(cpu.server), dbPer1k: per1k(cpu.db) },
    };
  }
}

/** Runs one phase on a target: `drive(phase, start, end)` starts the sending; figures from start + 1 s to end. */
async function runPhase(target, kind, seconds, drive, { profile = false } = {}) {
  const phase = new Phase(target, kind);
  current = phase;
  for (const c of target.clients) c.sent = 0;
  const start = now();
  const end = start + seconds * 1000;
  drive(phase, start, end);
  await sleep(WARM_MS);
  const from = now();
  const cpuFrom = cpuSnapshot(target);
  if (profile) process.kill(target.pid, 'SIGUSR2');
  await sleep(Math.max(0, end - now()));
  const to = now();
  const cpuTo = cpuSnapshot(target);
  if (profile) process.kill(target.pid, 'SIGUSR2');
  await phase.drain();
  current = undefined;
  return phase.stats(from, to, cpuBetween(cpuFrom, cpuTo));
}

/** Closed loop: each sender keeps WINDOW sends unacknowledged until the end. */
function saturate(target, seconds, options) {
  return runPhase(
    target,
    'saturation',
    seconds,
    (phase, _start, end) => {
      phase.onAck = (client) => {
        if (now() < end) phase.send(client);
      };
      for (const c of target.clients) for (let i = 0; i < WINDOW; i++) phase.send(c);
    },
    options,
  );
}

/** Open loop: `rate` messages per second in all, each sender at rate/senders, evenly staggered. */
function fixedRate(target, rate) {
  return runPhase(target, 'fixed', SECONDS, (phase, start, end) => {
    const clients = target.clients;
    const interval = (1000 * clients.length) / rate;
    const tick = () => {
      const t = now();
      if (t >= end) return;
      clients.forEach((c, i) => {
        const due = Math.floor((t - start - (i * interval) / clients.length) / interval) + 1;
        while (c.sent < due) phase.send(c);
      });
      setTimeout(tick, 1);
    };
    tick();
  });
}

// ---- the run -------------------------------------------------------------------------------------------------

const fmtRate = (x) => `${Math.round(x).toLocaleString('en')}/s`;
const fmtMs = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

const bare = { ...(await startRelay({ script: 'bare-server.mjs', short: 'bare', name: 'bare socket.io relay' })), relay: true };
const gateways = [];
let insertRelay;
try {
  gateways.push(await startGateway({ short: 'gateway', name: `gateway (${ADAPTER} fan-out)` }));
  if (process.env.CHAT_VARIANT_ENV) {
    const label = process.env.CHAT_VARIANT_LABEL ?? 'variant';
    gateways.push(await startGateway({ short: label, name: `${label} (gateway + ${process.env.CHAT_VARIANT_ENV})`, env: JSON.parse(process.env.CHAT_VARIANT_ENV) }));
  }
  if (process.env.CHAT_BEFORE_MAIN) {
    gateways.push(await startGateway({ short: 'before', name: `before (gateway built from ${process.env.CHAT_BEFORE_MAIN})`, main: process.env.CHAT_BEFORE_MAIN }));
  }
  const [gateway] = gateways;
  // Its own table in the gateway's database: its backends' CPU is counted like the gateway's (which is idle then).
  const relayDb = new pg.Client({ connectionString: gateway.server.databaseUrl });
  await relayDb.connect();
  const started = await startRelay({ script: 'insert-relay.mjs', short: 'insert', name: 'insert relay (bare + one INSERT per message)', databaseUrl: gateway.server.databaseUrl });
  insertRelay = { ...started, relay: true, database: gateway.database, db: relayDb, countSql: 'SELECT count(*)::int AS n FROM bench_relay_message', acked: 0, stop: async () => (await relayDb.end(), await started.stop()) };
  const targets = [...gateways, insertRelay, bare];
  for (const g of gateways) {
    g.pairs = await seedPairs(g);
    await connectTarget(g, g.pairs);
  }
  // The relays take the gateway's user ids as tokens and its conversation ids as room names.
  await connectTarget(insertRelay, gateway.pairs);
  await connectTarget(bare, gateway.pairs);
  const { rows: version } = await gateway.db.query('SHOW server_version');

  console.log(`\nChat benchmark: ${PAIRS} pairs (${2 * PAIRS} clients, all sending), body ${BODY_CHARS} chars, ${SECONDS} s phases (first second not counted), ${ROUNDS} rounds`);
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${version[0].server_version}`);
  for (const t of targets) console.log(`target ${t.short}: ${t.name}`);
  if (PROFILE) console.log(`CPU profiles of the first measured saturation phase go to ${PROFILE} (the profiler slows that phase down)`);

  // Warm-up: JIT, pools, the planner's caches. Checked like the others, not counted.
  for (const t of targets) await saturate(t, 3);

  // Each round runs every target once, in an order rotated from round to round.
  const rotated = (r) => targets.map((_, i) => targets[(i + r) % targets.length]);
  const sat = Object.fromEntries(targets.map((t) => [t.short, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const t of rotated(r)) {
      const s = await saturate(t, SECONDS, { profile: PROFILE && r === 0 });
      sat[t.short].push(s);
      process.stderr.write(`round ${r + 1} saturation ${t.short}: ${fmtRate(s.deliveredPerSec)} delivered, p99 ${fmtMs(s.p99)}, server CPU ${s.cpu.serverPct.toFixed(0)}%\n`);
    }
  }
  const gatewaySat = median(sat.gateway.map((s) => s.deliveredPerSec));
  const rate = Math.max(1, Math.round(gatewaySat / 2));

  const half = Object.fromEntries(targets.map((t) => [t.short, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const t of rotated(r)) {
      const s = await fixedRate(t, rate);
      half[t.short].push(s);
      process.stderr.write(`round ${r + 1} at ${rate}/s ${t.short}: p50 ${fmtMs(s.p50)}, p99 ${fmtMs(s.p99)}, delivered ${fmtRate(s.deliveredPerSec)}\n`);
    }
  }

  const med = (xs, f) => median(xs.map(f));
  const pct = (x) => `${x.toFixed(0)}%`;
  const others = targets.filter((t) => t !== bare);
  const header = `| measure | ${targets.map((t) => t.short).join(' | ')} | ${others.map((t) => `${t.short} / bare`).join(' | ')} | rounds (${targets.map((t) => t.short).join(' / ')}) |`;
  const table = (g, rows) => {
    console.log(`${header}\n|${' --- |'.repeat(2 + targets.length + others.length)}`);
    for (const [label, f, fmt, { ratio = true, only } = {}] of rows) {
      const shown = (t) => !only || only.includes(t.short);
      const cells = targets.map((t) => (shown(t) ? fmt(med(g[t.short], f)) : ''));
      const ratios = others.map((t) => (ratio ? `${(med(g[t.short], f) / med(g.bare, f)).toFixed(2)}x` : ''));
      const rounds = targets.map((t) => (shown(t) ? g[t.short].map((s) => fmt(f(s))).join(', ') : '-')).join(' / ');
      console.log(`| ${label} | ${cells.join(' | ')} | ${ratios.join(' | ')} | ${rounds} |`);
    }
  };
  const gatewaysOnly = { ratio: false, only: others.filter((t) => t.db).map((t) => t.short) };
  const common = [
    ["p50 latency, emit to the other member's message:new", (s) => s.p50, fmtMs],
    ["p99 latency, emit to the other member's message:new", (s) => s.p99, fmtMs],
    ['p50 emit to ack (gateway: stored)', (s) => s.ackP50, fmtMs],
    ['p99 emit to ack', (s) => s.ackP99, fmtMs],
    ['server process CPU, % of one core', (s) => s.cpu.serverPct, pct],
    ['server process CPU ms per 1,000 acked msgs', (s) => s.cpu.serverPer1k, (x) => x.toFixed(0)],
    ["PostgreSQL backends CPU, % of one core (gateway's database)", (s) => s.cpu.dbPct, pct, gatewaysOnly],
    ['PostgreSQL backends CPU ms per 1,000 acked msgs', (s) => s.cpu.dbPer1k, (x) => x.toFixed(0), gatewaysOnly],
    ['harness CPU (this process), % of one core', (s) => s.cpu.harnessPct, pct, { ratio: false }],
  ];
  console.log(`\nSaturation (each sender keeps ${WINDOW} sends unacknowledged):`);
  table(sat, [['delivered msgs/s', (s) => s.deliveredPerSec, fmtRate], ['acked msgs/s (gateway: stored)', (s) => s.ackedPerSec, fmtRate], ...common]);
  console.log(`\nHalf load: ${rate.toLocaleString('en')} msgs/s offered to every target (half the gateway's median saturation throughput), open loop:`);
  table(half, [['delivered msgs/s', (s) => s.deliveredPerSec, fmtRate], ...common]);

  console.log('');
  const throughput = (t) => med(sat[t.short], (s) => s.deliveredPerSec);
  for (const t of gateways) {
    const vsBare = throughput(t) / throughput(bare);
    const vsInsert = throughput(t) / throughput(insertRelay);
    const p99Ratio = med(half[t.short], (s) => s.p99) / med(half.bare, (s) => s.p99);
    console.log(
      `Goals, ${t.short}: throughput ${vsBare.toFixed(2)}x bare (goal >= 0.25x): ${vsBare >= 0.25 ? 'met' : 'MISSED'}; ` +
        `${vsInsert.toFixed(2)}x insert relay (goal >= 2x): ${vsInsert >= 2 ? 'met' : 'MISSED'}; ` +
        `p99 at half load ${p99Ratio.toFixed(2)}x bare (goal <= 5x): ${p99Ratio <= 5 ? 'met' : 'MISSED'}`,
    );
  }
  console.log(`Checked: ${others.map((t) => `${t.acked.toLocaleString('en')} messages acknowledged by ${t.short} = rows it stored`).join('; ')}; every acked message delivered once, in seq order.`);
} catch (e) {
  fail(e instanceof Error ? (e.stack ?? e.message) : String(e));
} finally {
  for (const t of [...gateways, insertRelay, bare]) if (t) disconnectTarget(t);
  await insertRelay?.stop().catch((e) => fail(`stopping the insert relay: ${e.message}`));
  for (const g of gateways) await g.stop().catch((e) => fail(`stopping the API: ${e.message}`));
  await bare.stop();
}
if (failures.length > 0) {
  console.error(`\nFAILED (${failures.length} problem(s)):\n${failures.join('\n')}`);
  process.exit(1);
}
