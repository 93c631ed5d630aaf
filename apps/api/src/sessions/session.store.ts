import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MentorshipStatus, Modality, SessionAttendee, SessionResponse, SessionStatus } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { prepared, runPrepared } from '@api/database/prepared';
import type { Interval } from './availability';
import { INSERT_SESSIONS, INSERT_SESSIONS_NAME, bookingValues, type BookingValues } from './insert-sessions.sql';
import { WITH_ATTENDEES, SESSION_SELECT, toSessionResponse, type SessionRow, type SessionWithAttendeesRow } from './sessions.mapper';
import { invalidGroup, sessionConflict, sessionNotFound } from './sessions.errors';

export interface MentorshipContext {
  id: string;
  program_id: string;
  mentor_id: string;
  mentee_id: string;
  status: MentorshipStatus;
  program_tz: string;
  mentor_tz: string | null;
  buffer_minutes: number;
  published: boolean;
  mentor_name: string;
  mentee_name: string;
  /** The ways both can meet (their profiles' modalities in common), sorted. */
  shared_modalities: Modality[];
}

/** The booking statement's answer: the context, and how many sessions it inserted (0: a rule failed or none were asked for). */
export interface BookingRow extends MentorshipContext {
  created: number;
  created_at: Date | null;
}

export type LockedSession = SessionRow & { published: boolean; buffer_minutes: number };

export interface GroupSessionRow {
  mentor_id: string;
  program_id: string;
  seat_limit: number;
  status: SessionStatus;
  starts_at: Date;
  ends_at: Date;
  mentorship_id: string | null;
}

/**
 * Advisory locks on the people taking part, taken in one global order. The exclusion constraints alone
 * are correct, but two transactions inserting clashing rows at once each find the other's row and wait for
 * it, a deadlock PostgreSQL breaks only after deadlock_timeout (1 s), holding pool connections meanwhile. Two
 * bookings can only clash if they share a person, so queueing on each person removes those waits while the
 * constraint stays the guarantee.
 */
const LOCK_PEOPLE = `
  SELECT count(pg_advisory_xact_lock(k))::int AS n
    FROM (SELECT DISTINCT hashtextextended(u::text, 0) AS k FROM unnest($1::uuid[]) AS u ORDER BY 1) AS keys`;

// The hot statements, prepared once per connection: parsing and planning them cost more than running them.
const BOOK = prepared(INSERT_SESSIONS_NAME, INSERT_SESSIONS);

/**
 * The viewer's sessions, found from their attendee rows (the user index), each session by its primary key, in a
 * MATERIALIZED CTE; the optional filters ($2-$4) apply only to what it returns. The work grows with the viewer's
 * sessions, not the database's. Written as one join with the filters on the sessions, the generic plan PostgreSQL
 * caches for a prepared statement (from its sixth call on a connection) took the catch-all filters for selective,
 * estimated one session, and scanned every session in the database to probe each one's attendee row: 2,118 buffers
 * per call for a user with 6 sessions among 1,012, with or without statistics (BENCHMARKS.md "Issue 17, part
 * five"). Pinned by sessions-plan.int-spec.ts.
 */
export const MINE = prepared(
  'sessions_mine',
  `WITH mine AS MATERIALIZED (
     SELECT s.id, s.program_id, s.mentorship_id, s.mentor_id, s.title, s.starts_at, s.ends_at, s.modality, s.location,
            s.meeting_url, s.seat_limit, s.series_id, s.status, s.sequence, s.cancel_reason, s.cancelled_at, s.created_at,
            s.updated_at, a.role AS my_role, a.active AS my_active
       FROM session_attendee a
       -- OFFSET 0 keeps the subquery apart: one primary-key lookup per attendee row, never a scan of the table.
       CROSS JOIN LATERAL (SELECT * FROM mentoring_session s WHERE s.id = a.session_id OFFSET 0) s
      WHERE a.user_id = $1)
   SELECT * FROM (
     SELECT m.id, m.program_id, m.mentorship_id, m.mentor_id, mo.full_name AS mentor_name, m.title, m.starts_at, m.ends_at,
            m.modality, m.location, m.meeting_url, m.seat_limit, m.series_id, m.status, m.sequence, m.cancel_reason,
            m.cancelled_at, m.created_at, m.updated_at, m.my_role
       FROM mine m JOIN app_user mo ON mo.id = m.mentor_id
      WHERE (m.my_active OR m.status = 'cancelled')
        AND ($2::timestamptz IS NULL OR m.ends_at > $2) AND ($3::timestamptz IS NULL OR m.starts_at < $3)
        AND ($4::text IS NULL OR m.status::text = $4)
      ORDER BY m.starts_at, m.id LIMIT 2000) AS s ${WITH_ATTENDEES}
    ORDER BY s.starts_at, s.id`,
);

const ONE = prepared('sessions_one', `SELECT * FROM (${SESSION_SELECT} WHERE s.id = $1 AND a.user_id = $2) AS s ${WITH_ATTENDEES}`);

/**
 * Every statement of the sessions domain, in one place; the use-case services (booking, changes, group seats,
 * attendance, queries) hold the rules and call these. Methods taking an EntityManager run in the caller's
 * transaction.
 */
@Injectable()
export class SessionStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  async groupMentees(ctx: MentorshipContext, mentorshipIds: string[]): Promise<SessionAttendee[]> {
    if (mentorshipIds.length === 0) return [];
    const rows: Array<{ id: string; mentee_id: string; full_name: string }> = await this.dataSource.query(
      `SELECT m.id, m.mentee_id, u.full_name FROM mentorship m JOIN app_user u ON u.id = m.mentee_id
        WHERE m.id = ANY($1::uuid[]) AND m.mentor_id = $2 AND m.status = 'active'`,
      [mentorshipIds, ctx.mentor_id],
    );
    if (rows.length !== mentorshipIds.length) throw invalidGroup('additionalMentorshipIds must be active mentorships of yours');
    const people = new Set([ctx.mentee_id, ...rows.map((r) => r.mentee_id)]);
    if (people.size !== rows.length + 1) throw invalidGroup('A mentee is named twice');
    return rows.map((r) => ({ userId: r.mentee_id, fullName: r.full_name, mentorshipId: r.id, active: true, attendance: null }));
  }

  /**
   * Checks the rules it can and books every occurrence with every participant in one statement (see
   * insert-sessions.sql.ts); undefined when the mentorship is not the caller's. Runs in the manager's
   * transaction, or alone (it is atomic by itself) on the data source.
   */
  async book(db: DataSource | EntityManager, values: BookingValues): Promise<BookingRow | undefined> {
    const rows = await runPrepared<BookingRow>(db, BOOK, bookingValues(values));
    return rows[0];
  }

  async lockSession(manager: EntityManager, actor: Actor, id: string): Promise<LockedSession> {
    const rows: LockedSession[] = await manager.query(
      `SELECT s.*, a.role AS my_role, (ms.mentor_id IS NOT NULL) AS published, COALESCE(ms.buffer_minutes, 0)::int AS buffer_minutes
         FROM mentoring_session s
         JOIN session_attendee a ON a.session_id = s.id AND a.user_id = $2
         LEFT JOIN mentor_schedule ms ON ms.mentor_id = s.mentor_id
        WHERE s.id = $1 FOR UPDATE OF s`,
      [id, actor.id],
    );
    const row = rows[0];
    if (!row) throw sessionNotFound();
    return row;
  }

  /** Serialises a mentor's guarded bookings for the buffer check; overlaps need no lock, the constraint sees them. */
  async lockMentor(manager: EntityManager, mentorId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [mentorId]);
  }

  async lockPeople(manager: EntityManager, userIds: string[]): Promise<void> {
    await manager.query(LOCK_PEOPLE, [userIds]);
  }

  async activePeople(manager: EntityManager | DataSource, sessionId: string): Promise<string[]> {
    const people: Array<{ user_id: string }> = await manager.query('SELECT user_id FROM session_attendee WHERE session_id = $1 AND active', [sessionId]);
    return people.map((p) => p.user_id);
  }

  async cancel(manager: EntityManager, id: string, reason: string | null): Promise<void> {
    await manager.query(
      `UPDATE mentoring_session SET status = 'cancelled', cancel_reason = $2, cancelled_at = now(), sequence = sequence + 1, updated_at = now() WHERE id = $1`,
      [id, reason],
    );
    await manager.query('UPDATE session_attendee SET active = false WHERE session_id = $1', [id]);
  }

  async moveAttendees(manager: EntityManager, id: string, start: number, end: number): Promise<void> {
    await manager.query('UPDATE session_attendee SET starts_at = $2, ends_at = $3 WHERE session_id = $1', [id, new Date(start), new Date(end)]);
  }

  async change(manager: EntityManager, id: string, range: Interval | null, location: string | null): Promise<void> {
    await manager.query(
      `UPDATE mentoring_session SET starts_at = COALESCE($2, starts_at), ends_at = COALESCE($3, ends_at), location = COALESCE($4, location),
              sequence = sequence + 1, updated_at = now() WHERE id = $1`,
      [id, range ? new Date(range.start) : null, range ? new Date(range.end) : null, location],
    );
  }

  async lockGroupSession(manager: EntityManager, id: string, userId: string): Promise<GroupSessionRow | undefined> {
    const rows: GroupSessionRow[] = await manager.query(
      `SELECT s.mentor_id, s.program_id, s.seat_limit, s.status, s.starts_at, s.ends_at,
              (SELECT m.id FROM mentorship m WHERE m.mentor_id = s.mentor_id AND m.mentee_id = $2 AND m.status = 'active'
                ORDER BY (m.program_id = s.program_id) DESC, m.created_at LIMIT 1) AS mentorship_id
         FROM mentoring_session s WHERE s.id = $1 FOR UPDATE`,
      [id, userId],
    );
    return rows[0];
  }

  async seatsTaken(manager: EntityManager, id: string, userId: string): Promise<{ n: number; mine: boolean }> {
    const taken: Array<{ n: number; mine: boolean }> = await manager.query(
      `SELECT count(*) FILTER (WHERE role = 'mentee' AND active)::int AS n, bool_or(user_id = $2 AND active) AS mine FROM session_attendee WHERE session_id = $1`,
      [id, userId],
    );
    return { n: taken[0]?.n ?? 0, mine: taken[0]?.mine ?? false };
  }

  async takeSeat(manager: EntityManager, id: string, userId: string, mentorshipId: string, startsAt: Date, endsAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO session_attendee (session_id, user_id, role, mentorship_id, starts_at, ends_at) VALUES ($1, $2, 'mentee', $3, $4, $5)
       ON CONFLICT (session_id, user_id) DO UPDATE SET active = true, sequence = session_attendee.sequence + 1, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at`,
      [id, userId, mentorshipId, startsAt, endsAt],
    );
  }

  async giveSeatBack(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager.query('UPDATE session_attendee SET active = false, sequence = sequence + 1 WHERE session_id = $1 AND user_id = $2 AND active', [id, userId]);
  }

  async activeMentees(manager: EntityManager, id: string): Promise<Set<string>> {
    const present: Array<{ user_id: string }> = await manager.query(`SELECT user_id FROM session_attendee WHERE session_id = $1 AND role = 'mentee' AND active`, [id]);
    return new Set(present.map((p) => p.user_id));
  }

  async markAttendance(manager: EntityManager, id: string, records: Array<{ menteeId: string; attendance: string }>): Promise<void> {
    await manager.query(
      `UPDATE session_attendee a SET attendance = r.attendance::session_attendance, attendance_marked_at = now()
         FROM unnest($2::uuid[], $3::text[]) AS r(user_id, attendance)
        WHERE a.session_id = $1 AND a.user_id = r.user_id`,
      [id, records.map((r) => r.menteeId), records.map((r) => r.attendance)],
    );
  }

  /** After an exclusion violation: finds the session in the way and names its time and whose it is. */
  async conflictFor(actor: Actor, people: string[], ranges: Interval[], excludeSessionId?: string): Promise<Error> {
    const rows: Array<{ user_id: string; starts_at: Date; ends_at: Date }> = await this.dataSource.query(
      `SELECT a.user_id, a.starts_at, a.ends_at FROM session_attendee a
        WHERE a.user_id = ANY($1::uuid[]) AND a.active AND ($4::uuid IS NULL OR a.session_id <> $4)
          AND EXISTS (SELECT 1 FROM unnest($2::timestamptz[], $3::timestamptz[]) AS r(s, e) WHERE tstzrange(r.s, r.e, '[)') && tstzrange(a.starts_at, a.ends_at, '[)'))
        ORDER BY (a.user_id = $5) DESC, a.starts_at LIMIT 1`,
      [people, ranges.map((r) => new Date(r.start)), ranges.map((r) => new Date(r.end)), excludeSessionId ?? null, actor.id],
    );
    const c = rows[0];
    if (!c) return sessionConflict();
    // Whose session is in the way, from the caller's side: their own, or the other person's (the caller is
    // looked for first, so "you" wins when both are busy).
    return sessionConflict({ startsAt: c.starts_at.toISOString(), endsAt: c.ends_at.toISOString(), who: c.user_id === actor.id ? 'you' : 'other' });
  }

  async mine(userId: string, from: Date | null, to: Date | null, status: string | null): Promise<SessionResponse[]> {
    const rows = await runPrepared<SessionWithAttendeesRow>(this.dataSource, MINE, [userId, from, to, status]);
    return rows.map((r) => toSessionResponse(r, r.attendees));
  }

  async one(id: string, userId: string): Promise<SessionResponse | undefined> {
    const [row] = await runPrepared<SessionWithAttendeesRow>(this.dataSource, ONE, [id, userId]);
    return row && toSessionResponse(row, row.attendees);
  }

  async openGroupSessions(userId: string): Promise<SessionResponse[]> {
    const rows: SessionWithAttendeesRow[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT s.id, s.program_id, s.mentorship_id, s.mentor_id, mo.full_name AS mentor_name, s.title, s.starts_at, s.ends_at,
                s.modality, s.location, NULL AS meeting_url, s.seat_limit, s.series_id, s.status, s.sequence, s.cancel_reason,
                s.cancelled_at, s.created_at, s.updated_at, 'mentee' AS my_role
           FROM mentoring_session s JOIN app_user mo ON mo.id = s.mentor_id
          WHERE s.status = 'scheduled' AND s.seat_limit > 1 AND s.starts_at > now()
            AND EXISTS (SELECT 1 FROM mentorship m WHERE m.mentor_id = s.mentor_id AND m.mentee_id = $1 AND m.status = 'active')
            AND NOT EXISTS (SELECT 1 FROM session_attendee x WHERE x.session_id = s.id AND x.user_id = $1 AND x.active)
            AND (SELECT count(*) FROM session_attendee x WHERE x.session_id = s.id AND x.role = 'mentee' AND x.active) < s.seat_limit
          ORDER BY s.starts_at, s.id LIMIT 500) AS s ${WITH_ATTENDEES}
        ORDER BY s.starts_at, s.id`,
      [userId],
    );
    return rows.map((r) => toSessionResponse(r, r.attendees));
  }
}
