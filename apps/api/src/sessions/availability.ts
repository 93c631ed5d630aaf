import { addDays, formatLocalDate, isoWeekday, localDateOf, zonedWallToInstant, type LocalDate } from './time-zones';

/** A half-open interval of instants [start, end), in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

export interface WeeklyRule {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export interface DateOverride {
  date: string;
  available: boolean;
  startMinute: number | null;
  endMinute: number | null;
}

export interface Schedule {
  timeZone: string;
  bufferMinutes: number;
  weekly: WeeklyRule[];
  overrides: DateOverride[];
}

const MINUTE = 60_000;

/** Sorted, with overlapping and touching intervals joined. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/**
 * The mentor's open windows overlapping [from, to), as instants. Each local date's windows are placed with that
 * date's own offset, so "Monday 09:00-12:00 Berlin" is 08:00Z in winter and 07:00Z in summer. A day off removes
 * the week's hours of that date; extra windows are added on top, so "off" plus an extra window replaces the day.
 */
export function openWindows(schedule: Schedule, from: number, to: number): Interval[] {
  const { timeZone } = schedule;
  const off = new Set(schedule.overrides.filter((o) => !o.available).map((o) => o.date));
  const extra = new Map<string, DateOverride[]>();
  for (const o of schedule.overrides) {
    if (o.available) extra.set(o.date, [...(extra.get(o.date) ?? []), o]);
  }
  const windows: Interval[] = [];
  // A local date can overlap [from, to) when it starts up to a day before `from`, whatever the zone's offset.
  let date: LocalDate = addDays(localDateOf(from, timeZone), -1);
  const last = addDays(localDateOf(to, timeZone), 1);
  for (; formatLocalDate(date) <= formatLocalDate(last); date = addDays(date, 1)) {
    const key = formatLocalDate(date);
    const weekday = isoWeekday(date);
    const todays = [
      ...(off.has(key) ? [] : schedule.weekly.filter((r) => r.weekday === weekday).map((r) => [r.startMinute, r.endMinute] as const)),
      ...(extra.get(key) ?? []).map((o) => [o.startMinute ?? 0, o.endMinute ?? 0] as const),
    ];
    for (const [s, e] of todays) {
      const start = zonedWallToInstant(date, s, timeZone);
      const end = zonedWallToInstant(date, e, timeZone);
      if (end > from && start < to) windows.push({ start, end });
    }
  }
  return mergeIntervals(windows);
}

/** True when [start, end) lies inside one open window (touching windows count as one). */
export function insideWindows(windows: Interval[], start: number, end: number): boolean {
  return windows.some((w) => w.start <= start && end <= w.end);
}

export interface SlotQuery {
  from: number;
  to: number;
  durationMinutes: number;
  stepMinutes: number;
  now: number;
}

/**
 * Bookable slots: within an open window, on a grid from the window's start, starting after `now`, and
 * clear of every busy interval. The mentor's busy intervals arrive already widened by the buffer.
 */
export function freeSlots(windows: Interval[], busy: Interval[], q: SlotQuery): Interval[] {
  const taken = mergeIntervals(busy);
  const duration = q.durationMinutes * MINUTE;
  const step = q.stepMinutes * MINUTE;
  const slots: Interval[] = [];
  for (const w of windows) {
    for (let start = w.start; start + duration <= w.end; start += step) {
      const end = start + duration;
      if (start < q.from || end > q.to || start <= q.now) continue;
      if (taken.some((b) => b.start < end && start < b.end)) continue;
      slots.push({ start, end });
    }
  }
  return slots;
}

/** A session's interval widened by the mentor's buffer on both sides. */
export const withBuffer = (i: Interval, bufferMinutes: number): Interval => ({ start: i.start - bufferMinutes * MINUTE, end: i.end + bufferMinutes * MINUTE });
