/**
 * The Solar Hijri (Jalali) calendar that Iranian readers use, on top of the browser's own calendar data
 * (`Intl` with `ca-persian`), so the leap-year rule is the platform's, not ours. Only the inverse (a Jalali day
 * to a Gregorian one) is computed here, by searching the one or two days around an estimate.
 */

export interface CalendarDay {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const DAY_MS = 86_400_000;
const jalaliParts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });

/** The Jalali day of a Gregorian calendar day (both as plain calendar days, no time zone). */
export function toJalali({ year, month, day }: CalendarDay): CalendarDay {
  const parts = jalaliParts.formatToParts(new Date(Date.UTC(year, month - 1, day)));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

const sameDay = (a: CalendarDay, b: CalendarDay): boolean => a.year === b.year && a.month === b.month && a.day === b.day;

/** The Gregorian day of a Jalali day, or null when that Jalali day does not exist (e.g. 30 Esfand of a common year). */
export function fromJalali(jalali: CalendarDay): CalendarDay | null {
  const { year, month, day } = jalali;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9000) return null;
  // Farvardin 1 falls on 20 or 21 March; the first six months have 31 days, the next five 30.
  const offset = month <= 7 ? (month - 1) * 31 : 6 * 31 + (month - 7) * 30;
  const estimate = Date.UTC(year + 621, 2, 21) + (offset + day - 1) * DAY_MS;
  for (const shift of [0, -1, 1, -2, 2]) {
    const candidate = new Date(estimate + shift * DAY_MS);
    const gregorian = { year: candidate.getUTCFullYear(), month: candidate.getUTCMonth() + 1, day: candidate.getUTCDate() };
    if (sameDay(toJalali(gregorian), jalali)) return gregorian;
  }
  return null;
}

/** 29, 30 or 31. */
export function jalaliMonthLength(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return fromJalali({ year, month: 12, day: 30 }) ? 30 : 29;
}

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

export const isoOf = ({ year, month, day }: CalendarDay): string => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` string as a calendar day, or null when it is not a real day. */
export function parseIsoDay(value: string): CalendarDay | null {
  const match = ISO_DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}
