// Where each microsecond of a request goes (issue 17): one API process per route, under --cpu-prof, driven by
// autocannon for PROFILE_SECONDS; prints requests/s, the API's and its database backends' CPU per request, and the
// API's CPU per request split by where the profile's samples fell during the measured phase (Fastify or Express, Nest, logging, JWT, pg, our code...).
//   npx nx run api:build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/profile/run.mjs
//   (PROFILE_SECONDS=8 PROFILE_CONNECTIONS=10; PROFILE_ROUTES=notFound,health,me,sessions,book; PROFILE_NODE_ARGS for
//    extra node flags of the API, e.g. --max-semi-space-size=64;
//    BENCH_API_MAIN=<main.js> profiles another build, e.g. the one before a change; PROFILE_DIR keeps the files.)
// The profiler itself costs CPU (a sample every 200 µs), so the rates here are below bench/load's;
// compare builds with the same settings, and read the split, not the absolute rate.
import autocannon from 'autocannon';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ADMIN, api, startBenchServer } from '../support/server.mjs';

const SECONDS = Number(process.env.PROFILE_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.PROFILE_CONNECTIONS ?? 10);
const ROUTES = (process.env.PROFILE_ROUTES ?? 'notFound,health,me,sessions,book').split(',');
const HOUR = 3_600_000;
const TICK_MS = 10;

const procCpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
};
const backends = (database) =>
  readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        return readFileSync(`/proc/${e}/cmdline`, 'utf8').replace(/\0/g, ' ').startsWith(`postgres: `) && readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(` ${database} `);
      } catch {
        return false;
      }
    })
    .map(Number);
const apiPid = (port) =>
  readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .find((e) => {
      try {
        return readFileSync(`/proc/${e}/environ`, 'utf8').split('\0').includes(`PORT=${port}`);
      } catch {
        return false;
      }
    });

// Where a sample falls: a few buckets a reader can act on.
function bucket(node) {
  const fn = node.callFrame.functionName;
  if (['(idle)', '(program)', '(garbage collector)'].includes(fn)) return fn;
  const url = node.callFrame.url.replace(/^file:\/\//, '');
  if (!url) return fn === 'writev' || fn === 'writeBuffer' || fn === 'writeUtf8String' ? 'socket writes (native)' : 'native / V8';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 13).split('/');
    const pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    if (/^(express|router|body-parser|finalhandler|send|serve-static|path-to-regexp|qs|on-finished|type-is|content-type|raw-body|iconv-lite|statuses|depd|debug|parseurl|accepts|negotiator|mime.*|cookie.*|vary|fresh|etag|range-parser|proxy-addr|forwarded|ipaddr\.js|encodeurl|escape-html|merge-descriptors|utils-merge|media-typer|destroy|http-errors|setprototypeof|inherits|safe-buffer|toidentifier|ee-first|unpipe|methods|call-bind.*|get-intrinsic|side-channel.*|es-.*|function-bind|has-.*|gopd|hasown|object-inspect|dunder-proto|math-intrinsics)$/.test(pkg)) return 'Express and its helpers';
    if (/^(fastify|@fastify\/.*|find-my-way|light-my-request|avvio|fast-json-stringify|fast-querystring|fast-decode-uri-component|fast-uri|abstract-logging|process-warning|rfdc|secure-json-parse|toad-cache|ret|safe-regex2|json-schema-ref-resolver|fastify-plugin|fastq|reusify)$/.test(pkg)) return 'Fastify and its helpers';
    if (pkg === '@nestjs/serve-static') return 'static-file fallback';
    if (pkg.startsWith('@nestjs/')) return 'Nest';
    if (/^(nestjs-pino|pino.*|sonic-boom|thread-stream|on-exit-leak-free|quick-format-unescaped|fast-redact|safe-stable-stringify|atomic-sleep|real-require)$/.test(pkg)) return 'logging (pino)';
    if (pkg === 'helmet') return 'helmet';
    if (/^(jsonwebtoken|jws|jwa|buffer-equal-constant-time|ecdsa-sig-formatter|lodash\..*|ms|semver)$/.test(pkg)) return 'JWT';
    if (/^(pg|pg-protocol|pg-pool|pg-types|postgres-.*|pg-int8|pgpass|pg-connection-string|split2|buffer-writer|packet-reader)$/.test(pkg)) return 'pg driver';
    if (pkg === 'typeorm') return 'TypeORM';
    if (/^(class-validator|class-transformer|validator|libphonenumber-js)$/.test(pkg)) return 'validation';
    if (/^(rxjs|tslib|reflect-metadata)$/.test(pkg)) return 'Nest';
    return `other packages (${pkg})`;
  }
  if (url.startsWith('node:')) return /node:(net|_http|http|stream|internal\/stream|internal\/http|internal\/net|internal\/streams)/.test(url) ? 'node http/net' : 'node core (other)';
  if (url.includes('/apps/api/') || url.includes('/libs/')) return 'our code';
  return 'other';
}

function split(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byBucket = new Map();
  profile.samples.forEach((id, i) => {
    const b = bucket(nodes.get(id));
    byBucket.set(b, (byBucket.get(b) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return byBucket;
}

async function seed(baseUrl, db) {
  const admin = await api(baseUrl, 'POST', '/api/auth/login', { body: ADMIN });
  await api(baseUrl, 'POST', '/api/users', { token: admin.accessToken, body: { email: 'coord@bench.example', password: 'bench-password-123', fullName: 'Coordinator', role: 'coordinator' } });
  const coord = await api(baseUrl, 'POST', '/api/auth/login', { body: { email: 'coord@bench.example', password: 'bench-password-123' } });
  const program = await api(baseUrl, 'POST', '/api/programs', { token: coord.accessToken, body: { name: 'Profile bench', timezone: 'UTC', startsOn: '2027-01-01', endsOn: '2035-06-30' } });
  const reg = async (email, yearOfStudy) => {
    const res = await api(baseUrl, 'POST', '/api/auth/register', { body: { email, password: 'bench-password-123', fullName: email.split('@')[0], yearOfStudy } });
    await api(baseUrl, 'PUT', '/api/me/profile', { token: res.accessToken, body: { yearOfStudy, interests: [], languages: ['English'], modalities: ['in_person', 'virtual'], campus: null } });
    return { id: res.user.id, token: res.accessToken };
  };
  const pairs = [];
  for (let k = 0; k < 10; k++) {
    const mentor = await reg(`mentor${k}@bench.example`, 4);
    const mentee = await reg(`mentee${k}@bench.example`, 1);
    const { rows } = await db.query(`INSERT INTO mentorship (program_id, mentee_id, mentor_id, status) VALUES ($1, $2, $3, 'active') RETURNING id`, [program.id, mentee.id, mentor.id]);
    pairs.push({ k, mentor, mentee, mentorshipId: rows[0].id });
    for (let j = 0; j < 6; j++) {
      const start = Date.UTC(2029, 0, 1, 9) + j * 7 * 24 * HOUR + k * HOUR;
      await api(baseUrl, 'POST', '/api/sessions', { token: mentee.token, body: { mentorshipId: rows[0].id, startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString(), modality: 'virtual' } });
    }
  }
  return pairs;
}

const routes = {
  notFound: () => ({ path: '/api/no-such-route', expect: 404 }),
  health: () => ({ path: '/api/health' }),
  me: (pairs) => ({ path: '/api/me', token: (i) => pairs[i % pairs.length].mentee.token }),
  sessions: (pairs) => ({ path: '/api/me/sessions', token: (i) => pairs[i % pairs.length].mentee.token }),
  book: (pairs) => {
    let n = 0;
    return {
      path: '/api/sessions',
      method: 'POST',
      expect: 201,
      request: () => {
        const p = pairs[n % pairs.length];
        const start = Date.UTC(2031, 0, 1) + Math.floor(n / pairs.length) * 2 * HOUR;
        n++;
        return { headers: { authorization: `Bearer ${p.mentee.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ mentorshipId: p.mentorshipId, startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString(), modality: 'virtual' }) };
      },
    };
  },
};

const keep = process.env.PROFILE_DIR;
const rows = [];
for (const name of ROUTES) {
  const dir = keep ? join(keep, name) : mkdtempSync(join(tmpdir(), 'pm-prof-'));
  // The chat benchmark's preload: SIGUSR2 starts the profiler and the next one writes the profile, so it holds
  // the measured phase only (no start-up, seeding or warm-up).
  process.env.BENCH_NODE_ARGS = `${process.env.PROFILE_NODE_ARGS ?? ''} -r ${fileURLToPath(new URL('../chat/cpu-profile.cjs', import.meta.url))}`;
  const server = await startBenchServer({ ACCESS_TOKEN_TTL_SECONDS: '3600', CHAT_PROFILE: dir, CHAT_PROFILE_LABEL: name });
  const db = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
  let result;
  try {
    const pairs = await seed(server.baseUrl, db);
    const route = routes[name](pairs);
    let i = 0;
    const opts = (duration) => ({
      url: `${server.baseUrl}${route.path}`,
      method: route.method ?? 'GET',
      connections: CONNECTIONS,
      duration,
      requests: [{ setupRequest: (req) => ({ ...req, ...(route.request ? route.request() : { headers: route.token ? { authorization: `Bearer ${route.token(i++)}` } : {} }) }) }],
    });
    await autocannon(opts(2)); // warm-up
    const port = new URL(server.baseUrl).port;
    const pid = apiPid(port);
    const database = new URL(server.databaseUrl).pathname.slice(1);
    const dbPids = backends(database);
    process.kill(Number(pid), 'SIGUSR2');
    const before = { api: procCpuMs(pid), db: dbPids.map(procCpuMs) };
    const r = await autocannon(opts(SECONDS));
    const after = { api: procCpuMs(pid), db: dbPids.map(procCpuMs) };
    process.kill(Number(pid), 'SIGUSR2');
    for (let t = 0; t < 100 && !readdirSync(dir).some((f) => f.endsWith('.cpuprofile')); t++) await new Promise((res) => setTimeout(res, 100));
    const expected = route.expect ?? 200;
    const ok = r.statusCodeStats?.[expected]?.count ?? r[`${Math.floor(expected / 100)}xx`];
    result = { name, rps: ok / SECONDS, ok, bad: r.requests.total - ok, apiUs: ((after.api - before.api) * 1000) / r.requests.total, dbUs: (after.db.reduce((a, b) => a + b, 0) - before.db.reduce((a, b) => a + b, 0)) * 1000 / r.requests.total, total: r.requests.total };
  } finally {
    await db.end();
    await server.stop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const byBucket = split(join(dir, file));
  if (!keep) rmSync(dir, { recursive: true, force: true });
  // The profile covers the measured phase; the split is scaled to the measured CPU per request by each bucket's
  // share of the busy (non-idle) samples. The sampler (every 200 µs) costs some CPU of its own.
  const busy = [...byBucket].filter(([b]) => b !== '(idle)').reduce((a, [, ms]) => a + ms, 0);
  result.split = [...byBucket].filter(([b]) => b !== '(idle)').map(([b, ms]) => [b, (ms / busy) * result.apiUs]).sort((a, b) => b[1] - a[1]);
  rows.push(result);
  process.stderr.write(`${name}: ${result.rps.toFixed(0)}/s, API ${result.apiUs.toFixed(0)} µs/request, DB ${result.dbUs.toFixed(0)} µs/request\n`);
}

console.log(`\nRequest path profile: ${CONNECTIONS} connections, ${SECONDS} s per route, API under --cpu-prof (${process.env.BENCH_API_MAIN ?? 'dist/'})`);
console.log('| route | answered/s | other statuses | API CPU µs/request | DB CPU µs/request |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.bad} | ${r.apiUs.toFixed(0)} | ${r.dbUs.toFixed(0)} |`);
for (const r of rows) {
  console.log(`\n${r.name}: API CPU per request by where it went (µs, busy samples scaled to the measured CPU)`);
  console.log(r.split.filter(([, us]) => us >= 1).map(([b, us]) => `  ${us.toFixed(0).padStart(5)} µs  ${b}`).join('\n'));
}
