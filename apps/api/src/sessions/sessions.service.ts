import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  MAX_SESSION_MINUTES,
  MentorshipStatus,
  Modality,
  SessionStatus,
  type CreateSessionResponse,
  type SessionAttendee,
  type SessionResponse,
} from '@pm/contracts';
import { forbidden } from '@api/auth/auth.errors';
import type { Actor } from '@api/common/access.decorators';
import { AppConfig } from '@api/config/app-config';
import { mentorshipEnded, mentorshipNotFound } from '@api/matching/matching.errors';
import type { Interval } from './availability';
import { AvailabilityService } from './availability.service';
import type { AttendanceDto, CreateSessionDto, MySessionsQueryDto, UpdateSessionDto } from './dto/sessions.dto';
import { isExclusionViolation, retryOnDeadlock } from './session-conflict';
import { ATTENDEE_SELECT, SESSION_SELECT, toAttendee, toSessionResponse, type AttendeeRow, type SessionRow } from './sessions.mapper';
import {
  endNotAfterStart,
  invalidGroup,
  invalidUpdate,
  locationOnlyInPerson,
  notAGroupSession,
  notAnAttendee,
  sessionCancelled,
  sessionConflict,
  sessionFull,
  sessionInPast,
  sessionNotFound,
  sessionNotStarted,
  sessionStarted,
  sessionTooLong,
} from './sessions.errors';
import { sameWallTimeWeeksLater } from './time-zones';
import { isUuid } from '@api/common/uuid';
import { INSERT_SESSIONS } from './insert-sessions.sql';

const MINUTE = 60_000;

interface MentorshipContext {
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
}

interface Participant {
  userId: string;
  role: 'mentor' | 'mentee';
  mentorshipId: string | null;
}

interface Occurrence extends Interval {
  id: string;
  meetingUrl: string | null;
}

/** Checks every new time range the same way, for booking and rescheduling alike. */
function checkTimes(start: number, end: number, now: number): void {
  if (end <= start) throw endNotAfterStart();
  if (end - start > MAX_SESSION_MINUTES * MINUTE) throw sessionTooLong(MAX_SESSION_MINUTES);
  if (start <= now) throw sessionInPast();
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

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly availability: AvailabilityService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The mentorship's mentor or mentee books a session (or a weekly series). A mentee must stay inside the
   * mentor's published availability; the mentor may book any time. Overlaps are refused by the database.
   */
  async create(actor: Actor, dto: CreateSessionDto): Promise<CreateSessionResponse> {
    const ctx = await this.mentorshipOf(actor, dto.mentorshipId);
    if (ctx.status !== MentorshipStatus.Active) throw mentorshipEnded();
    const start = Date.parse(dto.startsAt);
    const end = Date.parse(dto.endsAt);
    checkTimes(start, end, Date.now());
    if (dto.modality === Modality.Virtual && dto.location !== undefined) throw locationOnlyInPerson();
    const isMentor = ctx.mentor_id === actor.id;

    const mentees: SessionAttendee[] = [{ userId: ctx.mentee_id, fullName: ctx.mentee_name, mentorshipId: ctx.id, active: true, attendance: null }];
    const extra = [...new Set(dto.additionalMentorshipIds ?? [])].filter((id) => id !== ctx.id);
    if ((dto.seatLimit ?? 1) > 1 || extra.length > 0) {
      if (!isMentor) throw forbidden('Only the mentor arranges a group session');
      mentees.push(...(await this.groupMentees(ctx, extra)));
    }
    const seatLimit = dto.seatLimit ?? mentees.length;
    if (seatLimit < mentees.length) throw invalidGroup(`${mentees.length} mentees do not fit in ${seatLimit} seat(s)`);

    const timeZone = ctx.mentor_tz ?? ctx.program_tz;
    const count = dto.weeklyOccurrences ?? 1;
    const occurrences: Occurrence[] = Array.from({ length: count }, (_, k) => {
      const s = k === 0 ? start : sameWallTimeWeeksLater(start, k, timeZone);
      return { id: randomUUID(), start: s, end: s + (end - start), meetingUrl: dto.modality === Modality.Virtual ? this.meetingUrl() : null };
    });
    const seriesId = count > 1 ? randomUUID() : null;
    // The mentor first, then mentees in id order: concurrent bookings then meet on people in the same order.
    const participants: Participant[] = [
      { userId: ctx.mentor_id, role: 'mentor', mentorshipId: null },
      ...[...mentees].sort((a, b) => a.userId.localeCompare(b.userId)).map((m): Participant => ({ userId: m.userId, role: 'mentee', mentorshipId: m.mentorshipId })),
    ];
    const params = [
      occurrences.map((o) => o.id),
      ctx.program_id,
      ctx.id,
      ctx.mentor_id,
      dto.title ?? null,
      dto.modality,
      dto.modality === Modality.InPerson ? (dto.location ?? null) : null,
      seatLimit,
      seriesId,
      actor.id,
      occurrences.map((o) => new Date(o.start)),
      occurrences.map((o) => new Date(o.end)),
      occurrences.map((o) => o.meetingUrl),
      participants.map((p) => p.userId),
      participants.map((p) => p.role),
      participants.map((p) => p.mentorshipId),
    ];
    const guarded = !isMentor && ctx.published;
    let created: Array<{ id: string; created_at: Date }>;
    try {
      created = await retryOnDeadlock(async () => {
        if (!guarded) return this.dataSource.query(INSERT_SESSIONS, params);
        return this.dataSource.transaction(async (manager) => {
          if (ctx.buffer_minutes > 0) await this.lockMentor(manager, ctx.mentor_id);
          await this.availability.assertBookable(manager, ctx.mentor_id, occurrences);
          return manager.query(INSERT_SESSIONS, params);
        });
      });
    } catch (e) {
      if (isExclusionViolation(e)) throw await this.conflictFor(actor, ctx.mentor_id, participants.map((p) => p.userId), occurrences);
      throw e;
    }
    const first = occurrences[0] as Occurrence;
    const createdAt = (created[0]?.created_at ?? new Date()).toISOString();
    return {
      id: first.id,
      status: SessionStatus.Scheduled,
      mentorshipId: ctx.id,
      programId: ctx.program_id,
      title: dto.title ?? null,
      startsAt: new Date(first.start).toISOString(),
      endsAt: new Date(first.end).toISOString(),
      modality: dto.modality,
      location: dto.modality === Modality.InPerson ? (dto.location ?? null) : null,
      meetingUrl: first.meetingUrl,
      seatLimit,
      seriesId,
      sequence: 0,
      mentor: { userId: ctx.mentor_id, fullName: ctx.mentor_name },
      attendees: mentees.sort((a, b) => a.fullName.localeCompare(b.fullName) || a.userId.localeCompare(b.userId)),
      myRole: isMentor ? 'mentor' : 'mentee',
      cancelReason: null,
      cancelledAt: null,
      createdAt,
      updatedAt: createdAt,
      occurrences: occurrences.map((o) => ({ id: o.id, startsAt: new Date(o.start).toISOString(), endsAt: new Date(o.end).toISOString() })),
    };
  }

  /** Its mentor or mentee: cancel (it stays, cancelled, in calendars), reschedule, or move to another room. */
  async update(actor: Actor, id: string, dto: UpdateSessionDto): Promise<SessionResponse> {
    if (!isUuid(id)) throw sessionNotFound();
    const cancel = dto.status === SessionStatus.Cancelled;
    const move = dto.startsAt !== undefined && dto.endsAt !== undefined;
    if (!cancel && !move && dto.location === undefined) throw invalidUpdate('Nothing to change: send {status: "cancelled"} or {startsAt, endsAt}');
    if (cancel && (move || dto.location !== undefined)) throw invalidUpdate('Cancel, or change the time or place, not both at once');
    if (!cancel && dto.reason !== undefined) throw invalidUpdate('reason goes with status: "cancelled"');
    const start = move ? Date.parse(dto.startsAt as string) : 0;
    const end = move ? Date.parse(dto.endsAt as string) : 0;
    let mentorId = '';
    try {
      await retryOnDeadlock(() =>
        this.dataSource.transaction(async (manager) => {
          const s = await this.lockSession(manager, actor, id);
          mentorId = s.mentor_id;
          if (s.my_role === 'mentee' && s.seat_limit > 1) throw forbidden('Only the mentor changes a group session; you may leave it');
          if (s.status === SessionStatus.Cancelled) {
            if (cancel) return;
            throw sessionCancelled();
          }
          if (s.starts_at.getTime() <= Date.now()) throw sessionStarted();
          if (cancel) {
            await manager.query(
              `UPDATE mentoring_session SET status = 'cancelled', cancel_reason = $2, cancelled_at = now(), sequence = sequence + 1, updated_at = now() WHERE id = $1`,
              [id, dto.reason ?? null],
            );
            await manager.query('UPDATE session_attendee SET active = false WHERE session_id = $1', [id]);
            return;
          }
          if (dto.location !== undefined && s.modality !== Modality.InPerson) throw locationOnlyInPerson();
          if (move) {
            checkTimes(start, end, Date.now());
            const guarded = s.my_role === 'mentee' && s.published;
            // The buffer lock before the people's locks, in the same order as a booking takes them.
            if (guarded && s.buffer_minutes > 0) await this.lockMentor(manager, s.mentor_id);
            const people: Array<{ user_id: string }> = await manager.query('SELECT user_id FROM session_attendee WHERE session_id = $1 AND active', [id]);
            await manager.query(LOCK_PEOPLE, [people.map((p) => p.user_id)]);
            if (guarded) await this.availability.assertBookable(manager, s.mentor_id, [{ start, end }], id);
            await manager.query('UPDATE session_attendee SET starts_at = $2, ends_at = $3 WHERE session_id = $1', [id, new Date(start), new Date(end)]);
          }
          await manager.query(
            `UPDATE mentoring_session SET starts_at = COALESCE($2, starts_at), ends_at = COALESCE($3, ends_at), location = COALESCE($4, location),
                    sequence = sequence + 1, updated_at = now() WHERE id = $1`,
            [id, move ? new Date(start) : null, move ? new Date(end) : null, dto.location ?? null],
          );
        }),
      );
    } catch (e) {
      if (isExclusionViolation(e)) {
        const people: Array<{ user_id: string }> = await this.dataSource.query('SELECT user_id FROM session_attendee WHERE session_id = $1 AND active', [id]);
        throw await this.conflictFor(actor, mentorId, people.map((p) => p.user_id), [{ start, end }], id);
      }
      throw e;
    }
    return this.one(actor, id);
  }

  /** Signed in: the caller's sessions, as mentor or mentee, oldest first; cancelled ones included. */
  async mine(actor: Actor, q: MySessionsQueryDto): Promise<SessionResponse[]> {
    const rows: SessionRow[] = await this.dataSource.query(
      `${SESSION_SELECT}
        WHERE a.user_id = $1 AND (a.active OR s.status = 'cancelled')
          AND ($2::timestamptz IS NULL OR s.ends_at > $2) AND ($3::timestamptz IS NULL OR s.starts_at < $3)
          AND ($4::text IS NULL OR s.status::text = $4)
        ORDER BY s.starts_at, s.id LIMIT 2000`,
      // As instants, not the strings sent: PostgreSQL refuses some ISO 8601 texts JavaScript reads fine (year 0000, an offset
      // past 15:59), which answered 500.
      [actor.id, q.from === undefined ? null : new Date(Date.parse(q.from)), q.to === undefined ? null : new Date(Date.parse(q.to)), q.status ?? null],
    );
    return this.withAttendees(rows);
  }

  /** A participant of the session (a mentee who left a group session included). */
  async one(actor: Actor, id: string): Promise<SessionResponse> {
    if (!isUuid(id)) throw sessionNotFound();
    const rows: SessionRow[] = await this.dataSource.query(`${SESSION_SELECT} WHERE s.id = $1 AND a.user_id = $2`, [id, actor.id]);
    if (rows.length === 0) throw sessionNotFound();
    const [session] = await this.withAttendees(rows);
    return session as SessionResponse;
  }

  /** A mentee of the mentor: upcoming group sessions of their mentors with a free seat, not yet joined. */
  async openGroupSessions(actor: Actor): Promise<SessionResponse[]> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id, s.program_id, s.mentorship_id, s.mentor_id, mo.full_name AS mentor_name, s.title, s.starts_at, s.ends_at,
              s.modality, s.location, NULL AS meeting_url, s.seat_limit, s.series_id, s.status, s.sequence, s.cancel_reason,
              s.cancelled_at, s.created_at, s.updated_at, 'mentee' AS my_role
         FROM mentoring_session s JOIN app_user mo ON mo.id = s.mentor_id
        WHERE s.status = 'scheduled' AND s.seat_limit > 1 AND s.starts_at > now()
          AND EXISTS (SELECT 1 FROM mentorship m WHERE m.mentor_id = s.mentor_id AND m.mentee_id = $1 AND m.status = 'active')
          AND NOT EXISTS (SELECT 1 FROM session_attendee x WHERE x.session_id = s.id AND x.user_id = $1 AND x.active)
          AND (SELECT count(*) FROM session_attendee x WHERE x.session_id = s.id AND x.role = 'mentee' AND x.active) < s.seat_limit
        ORDER BY s.starts_at, s.id LIMIT 500`,
      [actor.id],
    );
    return this.withAttendees(rows);
  }

  /** A mentee of the session's mentor takes a free seat of a group session. */
  async join(actor: Actor, id: string): Promise<SessionResponse> {
    if (!isUuid(id)) throw sessionNotFound();
    let range: Interval = { start: 0, end: 0 };
    let mentorId = '';
    try {
      await retryOnDeadlock(() =>
        this.dataSource.transaction(async (manager) => {
          const rows: Array<{ mentor_id: string; program_id: string; seat_limit: number; status: SessionStatus; starts_at: Date; ends_at: Date; mentorship_id: string | null }> =
            await manager.query(
              `SELECT s.mentor_id, s.program_id, s.seat_limit, s.status, s.starts_at, s.ends_at,
                      (SELECT m.id FROM mentorship m WHERE m.mentor_id = s.mentor_id AND m.mentee_id = $2 AND m.status = 'active'
                        ORDER BY (m.program_id = s.program_id) DESC, m.created_at LIMIT 1) AS mentorship_id
                 FROM mentoring_session s WHERE s.id = $1 FOR UPDATE`,
              [id, actor.id],
            );
          const s = rows[0];
          if (!s?.mentorship_id) throw sessionNotFound();
          mentorId = s.mentor_id;
          range = { start: s.starts_at.getTime(), end: s.ends_at.getTime() };
          if (s.seat_limit <= 1) throw notAGroupSession();
          if (s.status === SessionStatus.Cancelled) throw sessionCancelled();
          if (s.starts_at.getTime() <= Date.now()) throw sessionStarted();
          const taken: Array<{ n: number; mine: boolean }> = await manager.query(
            `SELECT count(*) FILTER (WHERE role = 'mentee' AND active)::int AS n, bool_or(user_id = $2 AND active) AS mine FROM session_attendee WHERE session_id = $1`,
            [id, actor.id],
          );
          if (taken[0]?.mine) return;
          if ((taken[0]?.n ?? 0) >= s.seat_limit) throw sessionFull(s.seat_limit);
          await manager.query(LOCK_PEOPLE, [[actor.id]]);
          await manager.query(
            `INSERT INTO session_attendee (session_id, user_id, role, mentorship_id, starts_at, ends_at) VALUES ($1, $2, 'mentee', $3, $4, $5)
             ON CONFLICT (session_id, user_id) DO UPDATE SET active = true, sequence = session_attendee.sequence + 1, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at`,
            [id, actor.id, s.mentorship_id, s.starts_at, s.ends_at],
          );
        }),
      );
    } catch (e) {
      if (isExclusionViolation(e)) throw await this.conflictFor(actor, mentorId, [actor.id], [range], id);
      throw e;
    }
    return this.one(actor, id);
  }

  /** A mentee gives their seat of a group session back; the session stays in their calendar as cancelled. */
  async leave(actor: Actor, id: string): Promise<SessionResponse> {
    if (!isUuid(id)) throw sessionNotFound();
    await this.dataSource.transaction(async (manager) => {
      const s = await this.lockSession(manager, actor, id);
      if (s.my_role !== 'mentee') throw forbidden('The mentor cancels the session instead of leaving it');
      if (s.seat_limit <= 1) throw notAGroupSession();
      if (s.status === SessionStatus.Cancelled) throw sessionCancelled();
      if (s.starts_at.getTime() <= Date.now()) throw sessionStarted();
      await manager.query('UPDATE session_attendee SET active = false, sequence = sequence + 1 WHERE session_id = $1 AND user_id = $2 AND active', [id, actor.id]);
    });
    return this.one(actor, id);
  }

  /** The mentor, once the session has begun: who attended and who did not show up. */
  async markAttendance(actor: Actor, id: string, dto: AttendanceDto): Promise<SessionResponse> {
    if (!isUuid(id)) throw sessionNotFound();
    await this.dataSource.transaction(async (manager) => {
      const s = await this.lockSession(manager, actor, id);
      if (s.my_role !== 'mentor') throw forbidden('Only the mentor marks attendance');
      if (s.status === SessionStatus.Cancelled) throw sessionCancelled();
      if (s.starts_at.getTime() > Date.now()) throw sessionNotStarted();
      const present: Array<{ user_id: string }> = await manager.query(`SELECT user_id FROM session_attendee WHERE session_id = $1 AND role = 'mentee' AND active`, [id]);
      const ids = new Set(present.map((p) => p.user_id));
      const stranger = dto.records.find((r) => !ids.has(r.menteeId));
      if (stranger) throw notAnAttendee(stranger.menteeId);
      await manager.query(
        `UPDATE session_attendee a SET attendance = r.attendance::session_attendance, attendance_marked_at = now()
           FROM unnest($2::uuid[], $3::text[]) AS r(user_id, attendance)
          WHERE a.session_id = $1 AND a.user_id = r.user_id`,
        [id, dto.records.map((r) => r.menteeId), dto.records.map((r) => r.attendance)],
      );
    });
    return this.one(actor, id);
  }

  private async mentorshipOf(actor: Actor, mentorshipId: string): Promise<MentorshipContext> {
    if (!isUuid(mentorshipId)) throw mentorshipNotFound();
    const rows: MentorshipContext[] = await this.dataSource.query(
      `SELECT m.id, m.program_id, m.mentor_id, m.mentee_id, m.status, p.timezone AS program_tz, ms.time_zone AS mentor_tz,
              COALESCE(ms.buffer_minutes, 0)::int AS buffer_minutes, (ms.mentor_id IS NOT NULL) AS published,
              mo.full_name AS mentor_name, me.full_name AS mentee_name
         FROM mentorship m
         JOIN program p ON p.id = m.program_id
         JOIN app_user mo ON mo.id = m.mentor_id
         JOIN app_user me ON me.id = m.mentee_id
         LEFT JOIN mentor_schedule ms ON ms.mentor_id = m.mentor_id
        WHERE m.id = $1 AND $2 IN (m.mentor_id, m.mentee_id)`,
      [mentorshipId, actor.id],
    );
    const ctx = rows[0];
    if (!ctx) throw mentorshipNotFound();
    return ctx;
  }

  private async groupMentees(ctx: MentorshipContext, mentorshipIds: string[]): Promise<SessionAttendee[]> {
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

  private async lockSession(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<SessionRow & { published: boolean; buffer_minutes: number }> {
    const rows: Array<SessionRow & { published: boolean; buffer_minutes: number }> = await manager.query(
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
  private async lockMentor(manager: EntityManager, mentorId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [mentorId]);
  }

  /** After an exclusion violation: finds the session in the way and names its time and whose it is. */
  private async conflictFor(actor: Actor, mentorId: string, people: string[], ranges: Interval[], excludeSessionId?: string): Promise<Error> {
    const rows: Array<{ user_id: string; starts_at: Date; ends_at: Date }> = await this.dataSource.query(
      `SELECT a.user_id, a.starts_at, a.ends_at FROM session_attendee a
        WHERE a.user_id = ANY($1::uuid[]) AND a.active AND ($4::uuid IS NULL OR a.session_id <> $4)
          AND EXISTS (SELECT 1 FROM unnest($2::timestamptz[], $3::timestamptz[]) AS r(s, e) WHERE tstzrange(r.s, r.e, '[)') && tstzrange(a.starts_at, a.ends_at, '[)'))
        ORDER BY (a.user_id = $5) DESC, a.starts_at LIMIT 1`,
      [people, ranges.map((r) => new Date(r.start)), ranges.map((r) => new Date(r.end)), excludeSessionId ?? null, mentorId],
    );
    const c = rows[0];
    if (!c) return sessionConflict('someone');
    const who = c.user_id === actor.id ? 'you' : c.user_id === mentorId ? 'mentor' : 'mentee';
    return sessionConflict(who, { startsAt: c.starts_at.toISOString(), endsAt: c.ends_at.toISOString() });
  }

  private async withAttendees(rows: SessionRow[]): Promise<SessionResponse[]> {
    if (rows.length === 0) return [];
    const attendees: AttendeeRow[] = await this.dataSource.query(ATTENDEE_SELECT, [rows.map((r) => r.id)]);
    const bySession = new Map<string, SessionAttendee[]>();
    for (const a of attendees) bySession.set(a.session_id, [...(bySession.get(a.session_id) ?? []), toAttendee(a)]);
    return rows.map((r) => toSessionResponse(r, bySession.get(r.id) ?? []));
  }

  private meetingUrl(): string {
    const base = this.config.MEETING_BASE_URL;
    // 128 random bits: a room nobody can guess or enumerate.
    return `${base}${base.endsWith('/') ? '' : '/'}pm-${randomBytes(16).toString('hex')}`;
  }
}
