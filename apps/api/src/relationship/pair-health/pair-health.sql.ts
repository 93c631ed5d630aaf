import { AGREEMENT_GRACE_DAYS, AT_RISK_NO_SHOWS, LOW_CHECK_IN_RATING, REFERRAL_RISK_DAYS } from '@pm/contracts';

/**
 * When a pair started, the clock of NO_RECENT_SESSION and NO_AGREEMENT: the first moment of the mentorship's
 * `startedOn` in the program's time zone (`p` is the program).
 */
export const PAIR_START_SQL = `(m.started_on::timestamp AT TIME ZONE p.timezone)`;

/**
 * One row per active mentorship of program $1 with the facts the health rules read, each rule's flag
 * computed here; $2 is STALL_DAYS. A session is held for a pair when it is not cancelled, has begun, and the
 * pair's mentee attended it (a seat still taken and not marked no_show); a no-show is a mentee's seat marked
 * `no_show` in a session that was not cancelled.
 */
export const PAIR_FACTS_SQL = `
  WITH pairs AS (
    SELECT m.id, m.mentee_id, m.mentor_id, ${PAIR_START_SQL} AS started_at
      FROM mentorship m JOIN program p ON p.id = m.program_id WHERE m.program_id = $1 AND m.status = 'active'
  ), seats AS (
    SELECT a.mentorship_id,
           count(*) FILTER (WHERE s.starts_at <= now() AND a.attendance IS DISTINCT FROM 'no_show')::int AS sessions_held,
           count(*) FILTER (WHERE a.attendance = 'no_show')::int AS no_shows,
           max(s.starts_at) FILTER (WHERE s.starts_at <= now() AND a.attendance IS DISTINCT FROM 'no_show') AS last_held_at,
           min(s.starts_at) FILTER (WHERE s.starts_at > now()) AS next_at
      FROM pairs p
      JOIN session_attendee a ON a.mentorship_id = p.id AND a.active
      JOIN mentoring_session s ON s.id = a.session_id AND s.status <> 'cancelled'
     GROUP BY a.mentorship_id
  ), latest_check_in AS (
    SELECT DISTINCT ON (c.mentorship_id) c.mentorship_id, c.rating
      FROM mentorship_check_in c JOIN pairs p ON p.id = c.mentorship_id
     ORDER BY c.mentorship_id, c.created_at DESC, c.id DESC
  ), facts AS (
    SELECT p.*, COALESCE(st.sessions_held, 0) AS sessions_held, COALESCE(st.no_shows, 0) AS no_shows, st.last_held_at, st.next_at,
           GREATEST(p.started_at, st.last_held_at) AS anchor, ci.rating AS latest_rating
      FROM pairs p LEFT JOIN seats st ON st.mentorship_id = p.id LEFT JOIN latest_check_in ci ON ci.mentorship_id = p.id
  )
  SELECT f.id AS mentorship_id, f.mentee_id, f.mentor_id, f.started_at, f.sessions_held, f.no_shows, f.last_held_at, f.next_at,
         f.no_shows >= ${AT_RISK_NO_SHOWS} AS no_shows_flag,
         COALESCE(f.latest_rating <= ${LOW_CHECK_IN_RATING}, false) AS low_check_in_flag,
         EXISTS (SELECT 1 FROM referral r WHERE r.program_id = $1 AND r.student_id = f.mentee_id AND r.created_at >= now() - interval '${REFERRAL_RISK_DAYS} days') AS referral_flag,
         (f.next_at IS NULL AND now() >= f.anchor + make_interval(days => $2)
           AND NOT EXISTS (SELECT 1 FROM session_attendee a JOIN mentoring_session s ON s.id = a.session_id
                            WHERE a.mentorship_id = f.id AND a.active AND s.status <> 'cancelled'
                              AND s.starts_at > f.anchor AND s.starts_at <= f.anchor + make_interval(days => $2))) AS no_recent_session_flag,
         (now() >= f.started_at + interval '${AGREEMENT_GRACE_DAYS} days'
           AND NOT EXISTS (SELECT 1 FROM mentorship_agreement ag WHERE ag.mentorship_id = f.id
                            AND ag.signed_by_mentor_at IS NOT NULL AND ag.signed_by_mentee_at IS NOT NULL)) AS no_agreement_flag
    FROM facts f`;

/** The same rules' precedence written in SQL: what the benchmark compares the board against. */
export const PAIR_STATUS_SQL = `
  SELECT x.mentorship_id,
         CASE WHEN x.no_shows_flag OR x.low_check_in_flag OR x.referral_flag THEN 'at_risk'
              WHEN x.no_recent_session_flag OR x.no_agreement_flag THEN 'needs_check_in'
              ELSE 'on_track' END AS status
    FROM (${PAIR_FACTS_SQL}) x`;

export interface PairFactsRow {
  mentorship_id: string;
  mentee_id: string;
  mentor_id: string;
  started_at: Date;
  sessions_held: number;
  no_shows: number;
  last_held_at: Date | null;
  next_at: Date | null;
  no_shows_flag: boolean;
  low_check_in_flag: boolean;
  referral_flag: boolean;
  no_recent_session_flag: boolean;
  no_agreement_flag: boolean;
}
