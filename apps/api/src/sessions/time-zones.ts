/**
 * Wall-clock arithmetic in IANA time zones with nothing but Intl, which carries the platform's tz database.
 * Instants are epoch milliseconds; a wall time is a local date plus minutes after local midnight.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** An IANA zone name Intl knows ("Europe/Berlin", "UTC"); fixed offsets such as "+02:00" are refused. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone) || timeZone.length > 64) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC, in minutes, at an instant (Berlin in summer: 120). */
export function offsetMinutesAt(instant: number, timeZone: string): number {
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  const parts = formatter(timeZone).formatToParts(new Date(whole));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((asUtc - whole) / MINUTE);
}

/**
 * The instant of a wall time in a zone. A wall time that occurs twice (clocks going back) is the earlier one;
 * one that never occurs (clocks going forward) is moved forward by the gap, as the clocks themselves are:
 * 02:30 on the night Berlin springs forward is 03:30 CEST. This is Temporal's "compatible" disambiguation.
 */
export function zonedWallToInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
  // Zones change offset at most once in any two days, so the offsets a day either side are the only candidates.
  const before = offsetMinutesAt(wall - DAY, timeZone);
  const after = offsetMinutesAt(wall + DAY, timeZone);
  const valid = [...new Set([before, after])].map((o) => wall - o * MINUTE).filter((t) => offsetMinutesAt(t, timeZone) * MINUTE === wall - t);
  if (valid.length > 0) return Math.min(...valid);
  return wall - before * MINUTE;
}

/** The local calendar date of an instant in a zone. */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  const local = new Date(instant + offsetMinutesAt(instant, timeZone) * MINUTE);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** Minutes after local midnight of an instant in a zone. */
export function localMinuteOf(instant: number, timeZone: string): number {
  const local = new Date(instant + offsetMinutesAt(instant, timeZone) * MINUTE);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const formatLocalDate = (d: LocalDate): string => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

export function parseLocalDate(text: string): LocalDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return formatLocalDate(addDays(date, 0)) === text ? date : undefined;
}

/** "HH:MM" (00:00-24:00) to minutes after midnight. */
export function parseClock(text: string): number | undefined {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : undefined;
}

export const formatClock = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** An instant as ISO 8601 in a zone, with that zone's offset: "2027-03-29T09:00:00+02:00". */
export function formatInZone(instant: number, timeZone: string): string {
  const offset = offsetMinutesAt(instant, timeZone);
  const local = new Date(instant + offset * MINUTE);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The same local time `weeks` weeks later, so a weekly series stays at 10:00 across a daylight-saving change. */
export function sameWallTimeWeeksLater(instant: number, weeks: number, timeZone: string): number {
  return zonedWallToInstant(addDays(localDateOf(instant, timeZone), 7 * weeks), localMinuteOf(instant, timeZone), timeZone) + (instant % MINUTE);
}
