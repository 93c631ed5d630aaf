// No imports: bench/booking runs this exact statement from the build as its raw-pg baseline.
/**
 * One statement locks the people, then books every occurrence with every participant, so a weekly series is
 * all or nothing without an explicit transaction (one round trip), and a refused overlap leaves no
 * half-written session behind.
 */
export const INSERT_SESSIONS = `
  WITH locks AS MATERIALIZED (
    SELECT count(pg_advisory_xact_lock(k))::int AS n
      FROM (SELECT DISTINCT hashtextextended(u::text, 0) AS k FROM unnest($14::uuid[]) AS u ORDER BY 1) AS keys
  ), s AS (
    INSERT INTO mentoring_session (id, program_id, mentorship_id, mentor_id, title, starts_at, ends_at, modality, location, meeting_url, seat_limit, series_id, created_by_id)
    SELECT o.id, $2::uuid, $3::uuid, $4::uuid, $5::varchar, o.starts_at, o.ends_at, $6::session_modality, $7::varchar, o.meeting_url, $8::smallint, $9::uuid, $10::uuid
      FROM unnest($1::uuid[], $11::timestamptz[], $12::timestamptz[], $13::varchar[]) AS o(id, starts_at, ends_at, meeting_url)
     WHERE (SELECT n FROM locks) >= 0
    RETURNING id, starts_at, ends_at, created_at
  ), a AS (
    INSERT INTO session_attendee (session_id, user_id, role, mentorship_id, starts_at, ends_at)
    SELECT s.id, p.user_id, p.role::session_participant_role, p.mentorship_id, s.starts_at, s.ends_at
      FROM s CROSS JOIN unnest($14::uuid[], $15::text[], $16::uuid[]) WITH ORDINALITY AS p(user_id, role, mentorship_id, n)
     ORDER BY s.starts_at, p.n
    RETURNING 1
  )
  SELECT id, created_at FROM s ORDER BY starts_at`;
