import type { DateLib } from 'react-day-picker';
import { fromJalali, jalaliMonthLength, toJalali, type CalendarDay } from '@web/lib/jalali';

/**
 * DayPicker's date functions for the Jalali calendar: months and years are Jalali, weeks and days are the same
 * as everywhere. react-day-picker 10 moved its Persian build to the `@daypicker/persian` add-on (which needs
 * `date-fns-jalali`), not installed here; this covers exactly the functions DayPicker calls for a single-month
 * calendar with month navigation. Dates are local calendar days, as DayPicker's own are.
 */

const jalaliOf = (date: Date): CalendarDay => toJalali({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });

/** The local Date of a Jalali day, the day clamped to the month's length and the month carried into the year. */
function dateOfJalali(year: number, month: number, day: number, timeOf?: Date): Date {
  const months = year * 12 + (month - 1);
  const y = Math.floor(months / 12);
  const m = (months % 12) + 1;
  const d = Math.min(Math.max(day, 1), jalaliMonthLength(y, m));
  const gregorian = fromJalali({ year: y, month: m, day: d });
  if (!gregorian) throw new RangeError(`no Jalali day ${y}/${m}/${d}`);
  const result = new Date(gregorian.year, gregorian.month - 1, gregorian.day);
  if (timeOf) result.setHours(timeOf.getHours(), timeOf.getMinutes(), timeOf.getSeconds(), timeOf.getMilliseconds());
  return result;
}

const endOfDay = (date: Date): Date => {
  const result = new Date(date);
  result.setHours(23, 59, 59, 999);
  return result;
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function intl(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // Latin digits here: DayPicker swaps digits itself for its `numerals` setting.
    formatter = new Intl.DateTimeFormat(`${language}-u-ca-persian-nu-latn`, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

const pad = (value: number): string => String(value).padStart(2, '0');

// DayPicker passes its full locale (with `code`), though date-fns types it without one.
function format(date: Date, pattern: string, options?: { locale?: object }): string {
  const locale = options?.locale;
  const language = locale && 'code' in locale && String(locale.code).startsWith('fa') ? 'fa' : 'en';
  const jalali = jalaliOf(date);
  const monthName = (): string => intl(language, { month: 'long' }).format(date);
  switch (pattern) {
    case 'd':
      return String(jalali.day);
    case 'y':
    case 'yyyy':
      return String(jalali.year);
    case 'LLLL':
      return monthName();
    case 'LLLL y':
    case 'y LLLL':
      return `${monthName()} ${jalali.year}`;
    case 'cccc':
      return intl(language, { weekday: 'long' }).format(date);
    case 'ccccc':
    case 'cccccc':
      return intl(language, { weekday: language === 'fa' ? 'narrow' : 'short' }).format(date);
    // Keys and data attributes: the Gregorian day, which is what the form stores.
    case 'yyyy-MM-dd':
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    case 'yyyy-MM':
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
    // "PPPP", the day buttons' names. ICU's full Persian date is "1405 آذر 13, جمعه"; Persian writes the weekday first.
    default:
      return language === 'fa'
        ? `${intl(language, { weekday: 'long' }).format(date)} ${jalali.day} ${monthName()} ${jalali.year}`
        : intl(language, { dateStyle: 'full' }).format(date);
  }
}

function eachMonth(start: Date, end: Date): Date[] {
  const months: Date[] = [];
  const first = jalaliOf(start);
  for (let cursor = dateOfJalali(first.year, first.month, 1); cursor <= end; ) {
    months.push(cursor);
    const j = jalaliOf(cursor);
    cursor = dateOfJalali(j.year, j.month + 1, 1);
  }
  return months;
}

function eachYear(start: Date, end: Date): Date[] {
  const years: Date[] = [];
  for (let cursor = dateOfJalali(jalaliOf(start).year, 1, 1); cursor <= end; cursor = dateOfJalali(jalaliOf(cursor).year + 1, 1, 1)) {
    years.push(cursor);
  }
  return years;
}

const addMonths = (date: Date, amount: number): Date => {
  const j = jalaliOf(date);
  return dateOfJalali(j.year, j.month + amount, j.day, date);
};

export const jalaliDateLib: Partial<DateLib> = {
  newDate: (year, monthIndex, day) => dateOfJalali(year, monthIndex + 1, day),
  addMonths,
  addYears: (date, amount) => addMonths(date, amount * 12),
  differenceInCalendarMonths: (left, right) => {
    const a = jalaliOf(left);
    const b = jalaliOf(right);
    return a.year * 12 + a.month - (b.year * 12 + b.month);
  },
  eachMonthOfInterval: (interval) => eachMonth(new Date(interval.start), new Date(interval.end)),
  eachYearOfInterval: (interval) => eachYear(new Date(interval.start), new Date(interval.end)),
  startOfMonth: (date) => {
    const j = jalaliOf(date);
    return dateOfJalali(j.year, j.month, 1);
  },
  endOfMonth: (date) => {
    const j = jalaliOf(date);
    return endOfDay(dateOfJalali(j.year, j.month, 31));
  },
  startOfYear: (date) => dateOfJalali(jalaliOf(date).year, 1, 1),
  endOfYear: (date) => endOfDay(dateOfJalali(jalaliOf(date).year, 12, 31)),
  getMonth: (date) => jalaliOf(date).month - 1,
  getYear: (date) => jalaliOf(date).year,
  setMonth: (date, month) => {
    const j = jalaliOf(date);
    return dateOfJalali(j.year, month + 1, j.day, date);
  },
  setYear: (date, year) => {
    const j = jalaliOf(date);
    return dateOfJalali(year, j.month, j.day, date);
  },
  isSameMonth: (left, right) => {
    const a = jalaliOf(left);
    const b = jalaliOf(right);
    return a.year === b.year && a.month === b.month;
  },
  isSameYear: (left, right) => jalaliOf(left).year === jalaliOf(right).year,
  format,
};
