import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MAX_SLOT_RANGE_DAYS, type AvailabilityResponse, type SlotsResponse } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { mentorshipNotFound } from '@api/matching/matching.errors';
import { freeSlots, insideWindows, mergeIntervals, openWindows, withBuffer, type DateOverride, type Interval, type Schedule, type WeeklyRule } from './availability';
import type { AvailabilityDto, AvailabilityOverrideDto } from './dto/availability.dto';
import type { SlotsQueryDto } from './dto/sessions.dto';
import { invalidAvailability, invalidSlotQuery, invalidTimeZone, outsideAvailability, sessionConflict } from './sessions.errors';
import { formatClock, formatInZone, isValidTimeZone, parseClock, parseLocalDate } from './time-zones';
import { isUuid } from '@api/common/uuid';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface StoredSchedule extends Schedule {
  updatedAt: Date;
}

@Injectable()
export class AvailabilityService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's own availability, as a mentor; unpublished until the first PUT. */
  async mine(actor: Actor): Promise<AvailabilityResponse> {
    const s = await this.load(this.dataSource.manager, actor.id);
    if (!s) return { published: false, timeZone: '', bufferMinutes: 0, weekly: [], overrides: [], updatedAt: null };
    return {
      published: true,
      timeZone: s.timeZone,
      bufferMinutes: s.bufferMinutes,
      weekly: s.weekly.map((w) => ({ weekday: w.weekday, start: formatClock(w.startMinute), end: formatClock(w.endMinute) })),
      overrides: s.overrides.map((o) =>
        o.available ? { date: o.date, available: true, start: formatClock(o.startMinute ?? 0), end: formatClock(o.endMinute ?? 0) } : { date: o.date, available: false },
      ),
      updatedAt: s.updatedAt.toISOString(),
    };
  }

  /** Publishes (or replaces) the caller's weekly hours, date overrides and buffer, all at once. */
  async publish(actor: Actor, dto: AvailabilityDto): Promise<AvailabilityResponse> {
    if (!isValidTimeZone(dto.timeZone)) throw invalidTimeZone('timeZone');
    const weekly = dto.weekly.map((w, i) => ({ weekday: w.weekday, ...this.window(w.start, w.end, `weekly[${i}]`) }));
    const overrides = dto.overrides.map((o, i) => this.override(o, i));
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO mentor_schedule (mentor_id, time_zone, buffer_minutes, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (mentor_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, buffer_minutes = EXCLUDED.buffer_minutes, updated_at = now()`,
        [actor.id, dto.timeZone, dto.bufferMinutes],
      );
      await manager.query('DELETE FROM availability_rule WHERE mentor_id = $1', [actor.id]);
      await manager.query('DELETE FROM availability_override WHERE mentor_id = $1', [actor.id]);
      await manager.query(
        `INSERT INTO availability_rule (mentor_id, weekday, start_minute, end_minute)
         SELECT $1, * FROM unnest($2::smallint[], $3::smallint[], $4::smallint[])`,
        [actor.id, weekly.map((w) => w.weekday), weekly.map((w) => w.startMinute), weekly.map((w) => w.endMinute)],
      );
      await manager.query(
        `INSERT INTO availability_override (mentor_id, on_date, available, start_minute, end_minute)
         SELECT $1, * FROM unnest($2::date[], $3::boolean[], $4::smallint[], $5::smallint[])`,
        [actor.id, overrides.map((o) => o.date), overrides.map((o) => o.available), overrides.map((o) => o.startMinute), overrides.map((o) => o.endMinute)],
      );
    });
    return this.mine(actor);
  }

  /** Withdraws the caller's availability: mentees may then book any free time again. */
  async unpublish(actor: Actor): Promise<void> {
    await this.dataSource.query('DELETE FROM mentor_schedule WHERE mentor_id = $1', [actor.id]);
  }

  /**
   * The mentorship's mentor or mentee: bookable slots of the mentor in [from, to), expressed in the viewer's
   * time zone: open windows, minus the mentor's sessions widened by their buffer, minus the mentee's sessions.
   */
  async slots(actor: Actor, mentorshipId: string, q: SlotsQueryDto): Promise<SlotsResponse> {
    if (!isUuid(mentorshipId)) throw mentorshipNotFound();
    const rows: Array<{ mentor_id: string; mentee_id: string; program_tz: string }> = await this.dataSource.query(
      `SELECT m.mentor_id, m.mentee_id, p.timezone AS program_tz FROM mentorship m JOIN program p ON p.id = m.program_id
        WHERE m.id = $1 AND $2 IN (m.mentor_id, m.mentee_id)`,
      [mentorshipId, actor.id],
    );
    const m = rows[0];
    if (!m) throw mentorshipNotFound();
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (to <= from) throw invalidSlotQuery('to must be after from');
    if (to - from > MAX_SLOT_RANGE_DAYS * DAY) throw invalidSlotQuery(`The range spans at most ${MAX_SLOT_RANGE_DAYS} days`);
    const timeZone = q.timeZone ?? m.program_tz;
    if (!isValidTimeZone(timeZone)) throw invalidTimeZone('timeZone');
    const durationMinutes = q.durationMinutes ?? 60;
    const schedule = await this.load(this.dataSource.manager, m.mentor_id);
    const buffer = schedule?.bufferMinutes ?? 0;
    const busyRows: Array<{ user_id: string; starts_at: Date; ends_at: Date }> = await this.dataSource.query(
      `SELECT a.user_id, a.starts_at, a.ends_at FROM session_attendee a
        WHERE a.user_id = ANY($1::uuid[]) AND a.active AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange($2, $3, '[)')
        ORDER BY a.starts_at`,
      [[m.mentor_id, m.mentee_id], new Date(from - buffer * MINUTE), new Date(to + buffer * MINUTE)],
    );
    const busy = busyRows.map((r) => {
      const i = { start: r.starts_at.getTime(), end: r.ends_at.getTime() };
      return r.user_id === m.mentor_id ? withBuffer(i, buffer) : i;
    });
    const slots = schedule
      ? freeSlots(openWindows(schedule, from, to), busy, { from, to, durationMinutes, stepMinutes: q.stepMinutes ?? Math.min(30, durationMinutes), now: Date.now() })
      : [];
    const format = (i: Interval): { startsAt: string; endsAt: string } => ({ startsAt: formatInZone(i.start, timeZone), endsAt: formatInZone(i.end, timeZone) });
    return { timeZone, mentorTimeZone: schedule?.timeZone ?? null, published: schedule !== undefined, durationMinutes, slots: slots.map(format), busy: mergeIntervals(busy).map(format) };
  }

  /**
   * A mentee's booking of a mentor with published availability: every occurrence must lie inside an open window
   * and keep the mentor's buffer from their other sessions. Overlaps themselves are the exclusion constraint's
   * job; the buffer is checked here, under a per-mentor lock the caller takes, so two bookings cannot both
   * squeeze into one gap.
   */
  async assertBookable(manager: EntityManager, mentorId: string, occurrences: Interval[], excludeSessionId?: string): Promise<void> {
    const schedule = await this.load(manager, mentorId);
    if (!schedule || occurrences.length === 0) return;
    const first = Math.min(...occurrences.map((o) => o.start));
    const last = Math.max(...occurrences.map((o) => o.end));
    const windows = openWindows(schedule, first, last);
    for (const o of occurrences) {
      if (!insideWindows(windows, o.start, o.end)) {
        throw outsideAvailability({ startsAt: formatInZone(o.start, schedule.timeZone), endsAt: formatInZone(o.end, schedule.timeZone) });
      }
    }
    if (schedule.bufferMinutes === 0) return;
    const padded = occurrences.map((o) => withBuffer(o, schedule.bufferMinutes));
    const clash: Array<{ starts_at: Date; ends_at: Date }> = await manager.query(
      `SELECT s.starts_at, s.ends_at FROM mentoring_session s
        WHERE s.mentor_id = $1 AND s.status <> 'cancelled' AND ($4::uuid IS NULL OR s.id <> $4)
          AND EXISTS (SELECT 1 FROM unnest($2::timestamptz[], $3::timestamptz[]) AS o(s, e) WHERE tstzrange(o.s, o.e, '[)') && tstzrange(s.starts_at, s.ends_at, '[)'))
        ORDER BY s.starts_at LIMIT 1`,
      [mentorId, padded.map((p) => new Date(p.start)), padded.map((p) => new Date(p.end)), excludeSessionId ?? null],
    );
    const c = clash[0];
    // Only a mentee's booking is checked against the buffer, so the session in the way is the other person's.
    if (c) throw sessionConflict({ startsAt: c.starts_at.toISOString(), endsAt: c.ends_at.toISOString(), who: 'other' }, schedule.bufferMinutes);
  }

  async load(manager: EntityManager, mentorId: string): Promise<StoredSchedule | undefined> {
    const head: Array<{ time_zone: string; buffer_minutes: number; updated_at: Date }> = await manager.query(
      'SELECT time_zone, buffer_minutes, updated_at FROM mentor_schedule WHERE mentor_id = $1',
      [mentorId],
    );
    const h = head[0];
    if (!h) return undefined;
    const weekly: Array<{ weekday: number; start_minute: number; end_minute: number }> = await manager.query(
      'SELECT weekday, start_minute, end_minute FROM availability_rule WHERE mentor_id = $1 ORDER BY weekday, start_minute',
      [mentorId],
    );
    const overrides: Array<{ on_date: string; available: boolean; start_minute: number | null; end_minute: number | null }> = await manager.query(
      'SELECT on_date, available, start_minute, end_minute FROM availability_override WHERE mentor_id = $1 ORDER BY on_date, available, start_minute',
      [mentorId],
    );
    return {
      timeZone: h.time_zone,
      bufferMinutes: h.buffer_minutes,
      updatedAt: h.updated_at,
      weekly: weekly.map((w): WeeklyRule => ({ weekday: w.weekday, startMinute: w.start_minute, endMinute: w.end_minute })),
      overrides: overrides.map((o): DateOverride => ({ date: o.on_date, available: o.available, startMinute: o.start_minute, endMinute: o.end_minute })),
    };
  }

  private window(start: string, end: string, field: string): { startMinute: number; endMinute: number } {
    const s = parseClock(start);
    const e = parseClock(end);
    if (s === undefined || e === undefined || s >= 1440) throw invalidAvailability(`${field}: start and end must be times of day, HH:MM`);
    if (e <= s) throw invalidAvailability(`${field}: end must be after start`);
    return { startMinute: s, endMinute: e };
  }

  private override(o: AvailabilityOverrideDto, i: number): DateOverride {
    if (!parseLocalDate(o.date)) throw invalidAvailability(`overrides[${i}].date is not a calendar date`);
    if (!o.available) {
      if (o.start !== undefined || o.end !== undefined) throw invalidAvailability(`overrides[${i}]: a day off has no start or end`);
      return { date: o.date, available: false, startMinute: null, endMinute: null };
    }
    return { date: o.date, available: true, ...this.window(o.start ?? '', o.end ?? '', `overrides[${i}]`) };
  }
}
