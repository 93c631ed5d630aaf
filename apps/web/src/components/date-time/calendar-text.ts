import { fromJalali, isoOf, parseIsoDay, toJalali } from '@web/lib/jalali';
import type { Language } from '@web/lib/i18n';

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** Persian and Arabic-Indic digits as ASCII: people type either, depending on their keyboard. */
export function toLatinDigits(text: string): string {
  return text.replace(/[۰-۹٠-٩]/g, (digit) => {
    const persian = PERSIAN_DIGITS.indexOf(digit);
    return String(persian >= 0 ? persian : ARABIC_DIGITS.indexOf(digit));
  });
}

/** ASCII digits in the reader's script: Persian readers see ۱۴۰۵, never 1405. */
export function localizeDigits(text: string, language: Language): string {
  return language === 'fa' ? text.replace(/\d/g, (digit) => PERSIAN_DIGITS[Number(digit)] ?? digit) : text;
}

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/**
 * How a day is typed and shown in a date input: `2026-12-04` in English, `۱۴۰۵/۰۹/۱۳` (year/month/day of the
 * Jalali calendar) in Persian. Anything that is not a real ISO day is shown as it is.
 */
export function formatDayInput(iso: string, language: Language): string {
  const day = parseIsoDay(iso);
  if (!day) return iso;
  if (language === 'en') return isoOf(day);
  const jalali = toJalali(day);
  return localizeDigits(`${pad(jalali.year, 4)}/${pad(jalali.month)}/${pad(jalali.day)}`, language);
}

const DAY_TEXT = /^(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/;

/** What a person typed as an ISO day (`YYYY-MM-DD`), or null when it is not a day of the reader's calendar. */
export function parseDayInput(text: string, language: Language): string | null {
  const match = DAY_TEXT.exec(toLatinDigits(text.trim()).replace(/[\u200e\u200f]/g, ''));
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (language === 'en') {
    const parsed = parseIsoDay(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
    return parsed ? isoOf(parsed) : null;
  }
  const gregorian = fromJalali({ year, month, day });
  return gregorian ? isoOf(gregorian) : null;
}

const ISO_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isIsoTime = (value: string): boolean => ISO_TIME.test(value);

/** A 24-hour time in the reader's digits: `14:30` or `۱۴:۳۰`. */
export function formatTimeInput(value: string, language: Language): string {
  return isIsoTime(value) ? localizeDigits(value, language) : value;
}

const TIME_TEXT = /^(\d{1,2})(?:\s*[:٫.,]\s*|\s*)(\d{2})?$/;

/** `9`, `930`, `9:30`, `۹:۳۰` all become `09:30`-style 24-hour times; anything else is null. */
export function parseTimeInput(text: string): string | null {
  const compact = toLatinDigits(text.trim());
  const match = TIME_TEXT.exec(compact.length === 3 || compact.length === 4 ? compact.replace(/^(\d{1,2})(\d{2})$/, '$1:$2') : compact);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}
