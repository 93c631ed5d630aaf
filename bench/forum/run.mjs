// Forum search benchmark: a program with 20,000 threads and 200,000 replies, half Persian, half English.
//   npx nx run api:build && node bench/forum/run.mjs        (FORUM_BENCH_SCALE=0.1 for a quick run)
// Prints p50 and p99 of GET /api/programs/:id/forum/threads?q=… for 100 queries (Persian queries partly typed
// with Arabic letter forms, English ones partly as other word forms), against the same tsvector query run as
// raw SQL in the same run: the matching thread ids, newest first, one page.
import pg from 'pg';
import { ADMIN, api, median, startBenchServer, timeIt } from '../support/server.mjs';

const SCALE = Number(process.env.FORUM_BENCH_SCALE ?? '1');
const THREADS = Math.round(20_000 * SCALE);
const REPLIES = Math.round(200_000 * SCALE);
const QUERIES = 100;
const WARMUP = 10;

const FA = ['آناتومی', 'فیزیولوژی', 'امتحان', 'کتاب', 'جزوه', 'استاد', 'کلاس', 'مطالعه', 'بیوشیمی', 'بافت‌شناسی', 'قلب', 'کلیه', 'مغز', 'عصب', 'استخوان', 'عضله', 'خون', 'سلول', 'ژنتیک', 'داروشناسی'];
const EN = ['anatomy', 'physiology', 'exam', 'book', 'notes', 'lecture', 'study', 'biochemistry', 'histology', 'heart', 'kidney', 'brain', 'nerve', 'bone', 'muscle', 'blood', 'cell', 'genetics', 'pharmacology', 'question'];
// Arabic keyboards type ي and ك where Persian has ی and ک: the search must treat them as one letter.
const arabicForms = (w) => w.replaceAll('ی', '\u064A').replaceAll('ک', '\u0643');
const QUERY_WORDS = Array.from({ length: QUERIES }, (_, i) => {
  const fa = FA[i % FA.length];
  const en = EN[(i * 7) % EN.length];
  switch (i % 5) {
    case 0: return fa;
    case 1: return arabicForms(fa);
    case 2: return en;
    case 3: return `${en}s`;
    default: return `${fa} ${FA[(i + 3) % FA.length]}`;
  }
});

// The raw SQL baseline: the same normalisation, tsquery and indexes the API uses, without access checks,
// the author columns or the reply counts.
const TSQUERY = `(plainto_tsquery('simple', forum_normalize($2)) || plainto_tsquery('english', forum_normalize($2)))`;
const BASELINE = `
  WITH hits AS (
    SELECT t.id FROM forum_thread t WHERE t.program_id = $1 AND t.search_doc @@ ${TSQUERY}
    UNION
    SELECT r.thread_id FROM forum_reply r WHERE r.search_doc @@ ${TSQUERY})
  SELECT t.id, t.title FROM forum_thread t WHERE t.id IN (SELECT id FROM hits) AND t.hidden_at IS NULL
   ORDER BY t.created_at DESC, t.id DESC LIMIT 20`;

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

const server = await startBenchServer({ FORUM_POSTS_PER_MINUTE: '100000' });
try {
  const admin = await api(server.baseUrl, 'POST', '/api/auth/login', { body: ADMIN });
  await api(server.baseUrl, 'POST', '/api/users', { token: admin.accessToken, body: { email: 'coord@bench.example', password: 'bench-password-123', fullName: 'Bench Coordinator', role: 'coordinator' } });
  const coord = await api(server.baseUrl, 'POST', '/api/auth/login', { body: { email: 'coord@bench.example', password: 'bench-password-123' } });
  const program = await api(server.baseUrl, 'POST', '/api/programs', { token: coord.accessToken, body: { name: 'Bench forum', timezone: 'Asia/Tehran', startsOn: '2026-10-01', endsOn: '2027-06-30' } });
  const register = await api(server.baseUrl, 'POST', '/api/auth/register', { body: { email: 'student@bench.example', password: 'bench-password-123', fullName: 'Bench Student', yearOfStudy: 1 } });
  await api(server.baseUrl, 'POST', `/api/programs/${program.id}/enrollments`, { token: coord.accessToken, body: { userId: register.user.id, role: 'mentee' } });
  const token = register.accessToken;

  // Threads and replies written straight to the database (with the API's own search document): posting
  // 220,000 times through the API would measure the rate limit, not the search.
  // The API's session settings (jit off, data-source-options.ts), so the floor is the query as the server runs it.
  const db = new pg.Client({ connectionString: server.databaseUrl, options: '-c jit=off' });
  await db.connect();
  const t0 = performance.now();
  const doc = (x) => `to_tsvector('simple', forum_normalize(${x})) || to_tsvector('english', forum_normalize(${x}))`;
  await db.query(
    `INSERT INTO forum_thread (program_id, author_id, title, body, search_doc, search_title, created_at)
     SELECT $1, $2, x.title, x.body, ${doc(`x.title || ' ' || x.body`)}, forum_normalize(x.title), now() - g * interval '1 minute'
       FROM generate_series(1, $3) g,
            LATERAL (SELECT CASE WHEN g % 2 = 0
                          THEN 'پرسش درباره ' || ($4::text[])[1 + (g / 2) % 20] || ' و ' || ($4::text[])[1 + (g / 2 * 7) % 20]
                          ELSE 'Question about ' || ($5::text[])[1 + (g / 2) % 20] || ' and ' || ($5::text[])[1 + (g / 2 * 7) % 20] END AS title,
                            CASE WHEN g % 2 = 0
                          THEN 'برای ' || ($4::text[])[1 + (g / 2 * 3) % 20] || ' چه منبعی خوب است؟ شماره ' || g
                          ELSE 'Which resource for ' || ($5::text[])[1 + (g / 2 * 3) % 20] || ' is good? Number ' || g END AS body) x`,
    [program.id, register.user.id, THREADS, FA, EN],
  );
  await db.query(
    `INSERT INTO forum_reply (thread_id, author_id, body, search_doc, created_at)
     SELECT t.id, $2, x.body, ${doc('x.body')}, t.created_at + interval '1 second'
       FROM (SELECT id, created_at, row_number() OVER (ORDER BY id) AS n FROM forum_thread WHERE program_id = $1) t,
            generate_series(1, $3) k,
            LATERAL (SELECT CASE WHEN (t.n + k) % 2 = 0
                          THEN 'من ' || ($4::text[])[1 + ((t.n * 11 + k) / 2) % 20] || ' را با جزوه خواندم'
                          ELSE 'I studied ' || ($5::text[])[1 + ((t.n * 11 + k) / 2) % 20] || ' from the lecture notes' END AS body) x`,
    [program.id, register.user.id, Math.round(REPLIES / THREADS), FA, EN],
  );
  await db.query('ANALYZE forum_thread; ANALYZE forum_reply');
  const loaded = performance.now() - t0;
  const counts = (await db.query(`SELECT (SELECT count(*) FROM forum_thread)::int AS threads, (SELECT count(*) FROM forum_reply)::int AS replies`)).rows[0];

  const endpoint = [];
  const sql = [];
  let hits = 0;
  for (let i = 0; i < QUERIES + WARMUP; i++) {
    const q = QUERY_WORDS[i % QUERIES];
    let found;
    const e = await timeIt(async () => (found = await api(server.baseUrl, 'GET', `/api/programs/${program.id}/forum/threads?q=${encodeURIComponent(q)}`, { token })));
    const s = await timeIt(() => db.query(BASELINE, [program.id, q]));
    if (i >= WARMUP) {
      endpoint.push(e);
      sql.push(s);
      if (found.length > 0) hits++;
      else if (process.env.FORUM_BENCH_VERBOSE) console.log(`no result for ${JSON.stringify(q)}`);
    }
  }
  if (process.env.FORUM_BENCH_EXPLAIN) {
    // The endpoint's own statement, captured from the API's build, explained next to the baseline's.
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const main = process.env.BENCH_API_MAIN ?? 'dist/apps/api/apps/api/src/main.js';
    const build = new URL(`../../${main.replace(/main\.js$/, '')}`, import.meta.url).pathname;
    require(`${build}alias.js`);
    const { ForumStore } = require(`${build}forum/forum.store.js`);
    let captured;
    await new ForumStore({ query: async (sql, params) => ((captured = { sql, params }), []) }).listThreads({ programId: program.id, includeHidden: false, q: FA[3], limit: 20 });
    for (const [label, sql, params] of [['endpoint', captured.sql, captured.params], ['baseline', BASELINE, [program.id, FA[3]]]]) {
      const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      console.log(`--- ${label}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
  await db.end();

  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`\nForum search benchmark: ${counts.threads.toLocaleString('en')} threads, ${counts.replies.toLocaleString('en')} replies (loaded in ${(loaded / 1000).toFixed(1)} s); ${QUERIES} queries, ${hits} with results`);
  console.log('| measure | p50 | p99 |');
  console.log('| --- | --- | --- |');
  console.log(`| GET /api/programs/:id/forum/threads?q= | ${ms(median(endpoint))} | ${ms(pct(endpoint, 99))} |`);
  console.log(`| the same tsvector query, raw SQL (baseline) | ${ms(median(sql))} | ${ms(pct(sql, 99))} |`);
  console.log(`| ratio endpoint / SQL (goal <= 2x) | ${(median(endpoint) / median(sql)).toFixed(2)}x | ${(pct(endpoint, 99) / pct(sql, 99)).toFixed(2)}x |`);
} finally {
  await server.stop();
}
