import type { Language } from './i18n';

/** Persian readers expect the Solar Hijri calendar and Persian digits; English readers day-month-year. */
export const DATE_LOCALES: Record<Language, string> = {
  en: 'en-GB',
  fa: 'fa-IR-u-ca-persian',
};

export type DateStyle = 'short' | 'medium' | 'long' | 'full';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(DATE_LOCALES[language], options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * ICU's full Persian date reads "۱۴۰۵ آذر ۱۳, جمعه" (year first, a Latin comma); Persian writes the weekday first:
 * "جمعه ۱۳ آذر ۱۴۰۵". So the full style is composed from the weekday and the long date.
 */
function formatterFor(language: Language, style: DateStyle, timeZone: string | undefined): { format: (date: Date) => string } {
  const key = `${language}|${style}|${timeZone ?? ''}`;
  if (language === 'fa' && style === 'full') {
    const weekday = cached(`${key}|weekday`, language, { weekday: 'long', timeZone });
    const long = cached(`${key}|long`, language, { dateStyle: 'long', timeZone });
    return { format: (date) => `${weekday.format(date)} ${long.format(date)}` };
  }
  return cached(key, language, { dateStyle: style, timeZone });
}

/**
 * Formats an ISO date or date-time for people. A date-only value (a program's `startsOn`) is a calendar
 * day, not an instant: it is read and formatted in UTC so no viewer's time zone can move it to the day before.
 */
export function formatDate(value: string, language: Language, style: DateStyle = 'medium'): string {
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const [, year, month, day] = dateOnly;
    const instant = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    return Number.isNaN(instant.getTime()) ? value : formatterFor(language, style, 'UTC').format(instant);
  }
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : formatterFor(language, style, undefined).format(instant);
}

const dateTimeFormatters = new Map<Language, Intl.DateTimeFormat>();

/** An instant with its time of day, in the viewer's zone: for logs, where the hour matters. */
export function formatDateTime(value: string, language: Language): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  let formatter = dateTimeFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(DATE_LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormatters.set(language, formatter);
  }
  return formatter.format(instant);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(DATE_LOCALES[language]).format(value);
}

const timeFormatters = new Map<Language, Intl.DateTimeFormat>();

/** The time of day of an instant, in the viewer's zone, e.g. "14:30" or "۱۴:۳۰". */
export function formatTime(value: string, language: Language): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  let formatter = timeFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(DATE_LOCALES[language], { timeStyle: 'short' });
    timeFormatters.set(language, formatter);
  }
  return formatter.format(instant);
}
