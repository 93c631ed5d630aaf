// Calendar feed benchmark: one user with 5,000 sessions (a tenth of them cancelled).
//   npx nx run api:build && node bench/calendar/run.mjs
//   (FEED_SESSIONS=5000 FEED_RUNS=15 to change the size; DATABASE_URL to use a server)
// Prints the median time of GET /api/calendar/<token>.ics (HTTP, token lookup, the query, ical-generator,
// ETag) against a template-string ceiling: the same query through raw `pg` and the same VEVENTs written with
// template strings, which no real generator can beat; the ratio is ceiling / endpoint (goal: 0.3x or better).
// Also the 304 answer to a client whose copy is current, and generation alone on the same rows: the service's
// code (ical-generator with our line folding), template strings, and ical-generator's own toString(), whose
// folding allocates a TextEncoder per character and is the reason the service folds by itself.
import { createRequire } from 'node:module';
import pg from 'pg';
import { api, median, startBenchServer, timeIt } from '../support/server.mjs';

const SESSIONS = Number(process.env.FEED_SESSIONS ?? 5000);
const RUNS = Number(process.env.FEED_RUNS ?? 15);

// Kept in step with EVENT_SELECT in apps/api/src/calendar/calendar.service.ts.
const EVENT_SELECT = `
  SELECT s.id, s.title, s.starts_at, s.ends_at, s.modality, s.location, s.meeting_url, s.status, s.seat_limit, s.cancel_reason,
         s.created_at, s.updated_at, s.sequence + a.sequence AS sequence, a.active, a.role, mo.full_name AS mentor_name,
         (SELECT string_agg(u.full_name, ', ' ORDER BY u.full_name) FROM session_attendee x JOIN app_user u ON u.id = x.user_id
           WHERE x.session_id = s.id AND x.role = 'mentee' AND x.active) AS mentee_names
    FROM session_attendee a
    JOIN mentoring_session s ON s.id = a.session_id
    JOIN app_user mo ON mo.id = s.mentor_id
   WHERE a.user_id = $1 ORDER BY s.starts_at, s.id`;

const icsDate = (d) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const text = (s) => String(s ?? '').replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

/** The ceiling: the fewest string operations that still write every field the real feed writes. */
function templateFeed(rows) {
  const events = rows.map((r) => {
    const cancelled = r.status === 'cancelled' || !r.active;
    const where = r.modality === 'virtual' ? r.meeting_url : r.location;
    return `BEGIN:VEVENT\r\nUID:${r.id}@peer-mentoring\r\nSEQUENCE:${r.sequence}\r\nDTSTAMP:${icsDate(r.updated_at)}\r\nDTSTART:${icsDate(r.starts_at)}\r\nDTEND:${icsDate(r.ends_at)}\r\nSUMMARY:${text(`Mentoring with ${r.mentor_name}`)}\r\nLOCATION:${text(where)}\r\nDESCRIPTION:${text(r.modality === 'virtual' ? `Video call: ${r.meeting_url}` : `Room: ${r.location}`)}\r\nSTATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}\r\nCREATED:${icsDate(r.created_at)}\r\nLAST-MODIFIED:${icsDate(r.updated_at)}\r\nEND:VEVENT\r\n`;
  });
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//peer-mentoring//sessions//EN\r\nMETHOD:PUBLISH\r\nNAME:Mentoring sessions\r\nX-WR-CALNAME:Mentoring sessions\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n${events.join('')}END:VCALENDAR\r\n`;
}

// The service's own generation code, compiled: ical-generator for every component, our line folding.
const require = createRequire(import.meta.url);
require('../../dist/apps/api/apps/api/src/alias.js');
const { buildCalendar, renderCalendar } = require('../../dist/apps/api/apps/api/src/calendar/ics.js');

const server = await startBenchServer();
try {
  const mentee = await api(server.baseUrl, 'POST', '/api/auth/register', { body: { email: 'mentee@bench.example', password: 'bench-password-123', fullName: 'Bench Mentee', yearOfStudy: 1 } });
  const mentor = await api(server.baseUrl, 'POST', '/api/auth/register', { body: { email: 'mentor@bench.example', password: 'bench-password-123', fullName: 'Bench Mentor', yearOfStudy: 4 } });
  const db = new pg.Client({ connectionString: server.databaseUrl });
  // Dropping the bench database at the end ends this connection too; that is not an error worth a crash.
  db.on('error', () => {});
  await db.connect();
  // Sessions written straight to the database, one every 3 hours from 2030 on: the benchmark is about reading.
  await db.query(
    `WITH p AS (INSERT INTO program (name, timezone, starts_on, ends_on) VALUES ('Feed bench', 'UTC', '2027-01-01', '2035-01-01') RETURNING id),
          m AS (INSERT INTO mentorship (program_id, mentee_id, mentor_id, status) SELECT p.id, $1, $2, 'active' FROM p RETURNING id, program_id),
          s AS (
            INSERT INTO mentoring_session (program_id, mentorship_id, mentor_id, starts_at, ends_at, modality, location, meeting_url, status, cancelled_at, cancel_reason, sequence)
            SELECT m.program_id, m.id, $2, t, t + interval '1 hour',
                   CASE WHEN g % 3 = 0 THEN 'in_person' ELSE 'virtual' END::session_modality,
                   CASE WHEN g % 3 = 0 THEN 'Anatomy building, room ' || (g % 40) END,
                   CASE WHEN g % 3 <> 0 THEN 'https://meet.jit.si/pm-' || md5(g::text) END,
                   CASE WHEN g % 10 = 0 THEN 'cancelled' ELSE 'scheduled' END::session_status,
                   CASE WHEN g % 10 = 0 THEN now() END, CASE WHEN g % 10 = 0 THEN 'Exam, moved; see you next week' END, g % 4
              FROM m, generate_series(1, $3) AS g, LATERAL (SELECT timestamptz '2030-01-01 08:00Z' + g * interval '3 hours' AS t) AS at
            RETURNING id, starts_at, ends_at, status)
     INSERT INTO session_attendee (session_id, user_id, role, mentorship_id, starts_at, ends_at, active)
     SELECT s.id, $1, 'mentee'::session_participant_role, m.id, s.starts_at, s.ends_at, s.status <> 'cancelled' FROM s, m
     UNION ALL SELECT s.id, $2, 'mentor'::session_participant_role, NULL, s.starts_at, s.ends_at, s.status <> 'cancelled' FROM s`,
    [mentee.user.id, mentor.user.id, SESSIONS],
  );
  const { url } = await api(server.baseUrl, 'POST', '/api/me/calendar-feed', { token: mentee.accessToken });
  const path = new URL(url).pathname;

  let etag;
  let bytes = 0;
  let events = 0;
  const endpoint = [];
  const ceiling = [];
  const notModified = [];
  const generatorOnly = [];
  const templateOnly = [];
  const libraryFolding = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const e = await timeIt(async () => {
      const res = await fetch(`${server.baseUrl}${path}`);
      const body = await res.text();
      if (res.status !== 200) throw new Error(`feed: ${res.status}`);
      etag = res.headers.get('etag');
      bytes = body.length;
      events = body.split('BEGIN:VEVENT').length - 1;
    });
    let rows;
    const c = await timeIt(async () => {
      rows = (await db.query(EVENT_SELECT, [mentee.user.id])).rows;
      templateFeed(rows);
    });
    const n = await timeIt(async () => {
      const res = await fetch(`${server.baseUrl}${path}`, { headers: { 'If-None-Match': etag } });
      await res.arrayBuffer();
      if (res.status !== 304) throw new Error(`conditional feed: ${res.status}`);
    });
    const g = await timeIt(async () => renderCalendar(buildCalendar(rows, 'Mentoring sessions')));
    const l = i < 4 ? await timeIt(async () => buildCalendar(rows, 'Mentoring sessions').toString()) : undefined;
    const t = await timeIt(async () => templateFeed(rows));
    if (i >= 2) {
      endpoint.push(e);
      ceiling.push(c);
      notModified.push(n);
      generatorOnly.push(g);
      templateOnly.push(t);
      if (l !== undefined) libraryFolding.push(l);
    }
  }
  await db.end();
  if (events !== SESSIONS) throw new Error(`the feed holds ${events} events, expected ${SESSIONS}`);

  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`\nCalendar feed benchmark: one user with ${SESSIONS.toLocaleString('en')} sessions (${(bytes / 1e6).toFixed(2)} MB of iCalendar), ${RUNS} runs`);
  console.log('| measure | median |');
  console.log('| --- | --- |');
  console.log(`| GET /api/calendar/<token>.ics | ${ms(median(endpoint))} |`);
  console.log(`| ceiling: same query (raw pg) + template strings | ${ms(median(ceiling))} |`);
  console.log(`| ratio ceiling / endpoint (goal >= 0.3x) | ${(median(ceiling) / median(endpoint)).toFixed(2)}x |`);
  console.log(`| GET with a current If-None-Match (304) | ${ms(median(notModified))} |`);
  console.log(`| generation alone: the service's (ical-generator, our folding) | ${ms(median(generatorOnly))} |`);
  console.log(`| generation alone: template strings | ${ms(median(templateOnly))} |`);
  console.log(`| generation alone: ical-generator's own toString (its folding; ${libraryFolding.length} runs) | ${ms(median(libraryFolding))} |`);
} finally {
  await server.stop();
}
