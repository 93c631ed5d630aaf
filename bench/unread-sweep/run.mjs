// The unread-message sweep's statement (notifications/unread-messages.ts, DUE), run every UNREAD_SWEEP_SECONDS on
// the database of a busy chat: SWEEP_PAIRS conversations of SWEEP_MESSAGES messages each from the last ten
// minutes, the two members taking turns, none read (the chat benchmark's database after a few rounds).
//   npx nx run api:build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/unread-sweep/run.mjs
//   (SWEEP_BEFORE_MAIN=<an older build's main.js> to time its statement too, in the same run, on the same data;
//    SWEEP_PAIRS=20 SWEEP_MESSAGES=15000 to change the data)
// Prints the median of 5 runs of each statement without statistics and after ANALYZE, with PostgreSQL's JIT on
// (its default) and off (as the sweep runs it since issue 17 part six).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { median, startBenchServer } from '../support/server.mjs';

const PAIRS = Number(process.env.SWEEP_PAIRS ?? 20);
const MESSAGES = Number(process.env.SWEEP_MESSAGES ?? 15000);
const root = new URL('../../', import.meta.url).pathname;

/** A build's DUE statement, from its compiled text: the module itself needs the application's path aliases to load. */
function dueOf(main) {
  const src = readFileSync(join(dirname(resolve(root, main)), 'notifications/unread-messages.js'), 'utf8').replace('exports.DUE = `', 'const DUE = `');
  const grab = (name) => {
    const at = src.indexOf(`const ${name} = \``);
    return at < 0 ? '' : src.slice(at, src.indexOf('`;', at) + 2);
  };
  return new Function(`${grab('MEMBERS')}\n${grab('UNREAD')}\n${grab('DUE')}\nreturn DUE;`)();
}

const statements = [['after', dueOf(process.env.BENCH_API_MAIN ?? 'dist/apps/api/apps/api/src/main.js')]];
if (process.env.SWEEP_BEFORE_MAIN) statements.unshift(['before', dueOf(process.env.SWEEP_BEFORE_MAIN)]);

const server = await startBenchServer();
const db = new pg.Client({ connectionString: server.databaseUrl });
await db.connect();
try {
  const { rows: [program] } = await db.query(`INSERT INTO program (name, timezone, starts_on, ends_on) VALUES ('Sweep bench', 'UTC', '2026-01-01', '2035-12-31') RETURNING id`);
  for (let k = 0; k < PAIRS; k++) {
    const ids = [];
    for (const [role, year] of [['mentor', 4], ['mentee', 1]]) {
      const { rows: [u] } = await db.query(`INSERT INTO app_user (email, password_hash, full_name, role, year_of_study) VALUES ($1, 'x', $1, 'student', $2) RETURNING id`, [`${role}${k}@sweep.example`, year]);
      ids.push(u.id);
    }
    const { rows: [m] } = await db.query(`INSERT INTO mentorship (program_id, mentor_id, mentee_id, status) VALUES ($1, $2, $3, 'active') RETURNING id`, [program.id, ids[0], ids[1]]);
    const { rows: [c] } = await db.query('SELECT id FROM conversation WHERE mentorship_id = $1', [m.id]);
    await db.query(
      `INSERT INTO chat_message (id, conversation_id, seq, sender_id, body, client_message_id, created_at)
       SELECT gen_random_uuid(), $1, g, CASE WHEN g % 2 = 0 THEN $2::uuid ELSE $3::uuid END, 'message ' || g, 'sweep-' || g,
              now() - interval '10 minutes' + g * (interval '10 minutes' / $4::int)
         FROM generate_series(1, $4::int) g`,
      [c.id, ids[0], ids[1], MESSAGES],
    );
    await db.query('UPDATE conversation SET last_seq = $2, last_message_at = now() WHERE id = $1', [c.id, MESSAGES]);
  }
  console.log(`\nUnread-message sweep: ${PAIRS} conversations of ${MESSAGES} unread messages, the default delay (15 minutes), 5 runs each`);
  console.log('| statement | statistics | JIT | median | runs |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const stats of ['none', 'analysed']) {
    if (stats === 'analysed') await db.query('ANALYZE');
    for (const jit of ['on', 'off']) {
      await db.query(`SET jit = ${jit}`);
      for (const [label, sql] of statements) {
        const ms = [];
        for (let i = 0; i < 5; i++) {
          const t0 = performance.now();
          await db.query(sql, [15]);
          ms.push(performance.now() - t0);
        }
        console.log(`| ${label} | ${stats} | ${jit} | ${median(ms).toFixed(1)} ms | ${ms.map((x) => x.toFixed(1)).join(', ')} |`);
      }
    }
  }
} finally {
  await db.end();
  await server.stop();
}
