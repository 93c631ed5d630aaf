// No imports: bench/booking runs this exact statement, with `bookingValues`, from the build as its raw-pg baseline.

/**
 * Booking in one statement, one round trip: it reads the mentorship as the caller sees it, checks the rules the
 * database can see (the caller is its mentor or mentee, it is active, the modality is one both share, a mentee
 * booking a mentor with published hours has had them checked), locks the people, then books every occurrence
 * with every participant, so a weekly series is all or nothing without an explicit transaction and a refused
 * overlap leaves no half-written session behind.
 *
 * It answers one row with the mentorship context (none when the mentorship is not the caller's), `created`
 * (the sessions inserted) and `created_at`. When a rule fails it inserts nothing and the service tells which
 * rule from the context, checking in its usual order, so the errors stay the same whichever check failed first
 * here. Passing no occurrences asks for the context only: a series needs the mentor's time zone to place its
 * occurrences, a group the other mentees, and a guarded booking the availability check, before inserting.
 *
 * The advisory locks (see LOCK_PEOPLE in session.store.ts) are taken only when the rules hold: `people` is
 * empty otherwise.
 */
export const INSERT_SESSIONS = `
  WITH m AS MATERIALIZED (
    SELECT m.id, m.program_id, m.mentor_id, m.mentee_id, m.status, p.timezone AS program_tz, ms.time_zone AS mentor_tz,
           COALESCE(ms.buffer_minutes, 0)::int AS buffer_minutes, (ms.mentor_id IS NOT NULL) AS published,
           mo.full_name AS mentor_name, me.full_name AS mentee_name,
           ARRAY(SELECT x::text FROM unnest(mo.modalities) AS x WHERE x = ANY(me.modalities) ORDER BY 1) AS shared_modalities
      FROM mentorship m
      JOIN program p ON p.id = m.program_id
      JOIN app_user mo ON mo.id = m.mentor_id
      JOIN app_user me ON me.id = m.mentee_id
      LEFT JOIN mentor_schedule ms ON ms.mentor_id = m.mentor_id
     WHERE m.id = $1::uuid AND $2::uuid IN (m.mentor_id, m.mentee_id)
  ), ok AS MATERIALIZED (
    SELECT m.id, m.program_id, m.mentor_id, m.mentee_id
      FROM m
     WHERE m.status = 'active' AND $3::text = ANY(m.shared_modalities)
       AND ($2::uuid = m.mentor_id OR NOT m.published OR $14::boolean)
       AND cardinality($8::uuid[]) > 0
  ), people AS MATERIALIZED (
    SELECT ok.mentor_id AS user_id, 'mentor' AS role, NULL::uuid AS mentorship_id, 0 AS n FROM ok
    UNION ALL
    SELECT ok.mentee_id, 'mentee', ok.id, 1 FROM ok
    UNION ALL
    SELECT x.user_id, 'mentee', x.mentorship_id, 1 FROM ok CROSS JOIN unnest($12::uuid[], $13::uuid[]) AS x(user_id, mentorship_id)
  ), locks AS MATERIALIZED (
    SELECT count(pg_advisory_xact_lock(k))::int AS n
      FROM (SELECT DISTINCT hashtextextended(user_id::text, 0) AS k FROM people ORDER BY 1) AS keys
  ), s AS (
    INSERT INTO mentoring_session (id, program_id, mentorship_id, mentor_id, title, starts_at, ends_at, modality, location, meeting_url, seat_limit, series_id, created_by_id)
    SELECT o.id, ok.program_id, ok.id, ok.mentor_id, $4::varchar, o.starts_at, o.ends_at, $3::session_modality, $5::varchar, o.meeting_url, $6::smallint, $7::uuid, $2::uuid
      FROM ok CROSS JOIN unnest($8::uuid[], $9::timestamptz[], $10::timestamptz[], $11::varchar[]) AS o(id, starts_at, ends_at, meeting_url)
     WHERE (SELECT n FROM locks) >= 0
    RETURNING id, starts_at, ends_at, created_at
  ), a AS (
    -- The mentor first, then mentees in id order: concurrent bookings meet on people in the same order.
    INSERT INTO session_attendee (session_id, user_id, role, mentorship_id, starts_at, ends_at)
    SELECT s.id, p.user_id, p.role::session_participant_role, p.mentorship_id, s.starts_at, s.ends_at
      FROM s CROSS JOIN people AS p
     ORDER BY s.starts_at, p.n, p.user_id
    RETURNING 1
  )
  SELECT m.*, (SELECT count(*) FROM s)::int AS created, (SELECT min(created_at) FROM s) AS created_at FROM m`;

/** Its prepared statement's name, in the API and in the bench's baseline alike. */
export const INSERT_SESSIONS_NAME = 'sessions_book';

/** What one booking statement is given; the names say what each positional parameter is. */
export interface BookingValues {
  mentorshipId: string;
  actorId: string;
  modality: string;
  title: string | null;
  location: string | null;
  seatLimit: number;
  seriesId: string | null;
  /** None: only read the context (see above). */
  occurrences: ReadonlyArray<{ id: string; start: number; end: number; meetingUrl: string | null }>;
  /** Group sessions: the other mentees and their mentorships with the same mentor, already checked. */
  extraMentees: ReadonlyArray<{ userId: string; mentorshipId: string }>;
  /** A mentee's booking of a mentor with published hours: true once the caller checked them in this transaction. */
  availabilityChecked: boolean;
}

/** The positional parameters of INSERT_SESSIONS, in the one order both the service and the bench use. */
export function bookingValues(v: BookingValues): unknown[] {
  return [
    v.mentorshipId,
    v.actorId,
    v.modality,
    v.title,
    v.location,
    v.seatLimit,
    v.seriesId,
    v.occurrences.map((o) => o.id),
    v.occurrences.map((o) => new Date(o.start)),
    v.occurrences.map((o) => new Date(o.end)),
    v.occurrences.map((o) => o.meetingUrl),
    v.extraMentees.map((x) => x.userId),
    v.extraMentees.map((x) => x.mentorshipId),
    v.availabilityChecked,
  ];
}
