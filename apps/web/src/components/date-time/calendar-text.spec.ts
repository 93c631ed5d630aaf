import { describe, expect, it } from 'vitest';
import { formatDayInput, formatTimeInput, localizeDigits, parseDayInput, parseTimeInput, toLatinDigits } from './calendar-text';

describe('typed dates and times', () => {
  it('shows a day as ISO in English and as Jalali year/month/day in Persian digits', () => {
    expect(formatDayInput('2026-03-21', 'en')).toBe('2026-03-21');
    expect(formatDayInput('2026-03-21', 'fa')).toBe('۱۴۰۵/۰۱/۰۱');
    expect(formatDayInput('2026-12-04', 'fa')).toBe('۱۴۰۵/۰۹/۱۳');
    expect(formatDayInput('not a day', 'fa')).toBe('not a day');
  });

  it('reads a Jalali day typed in Persian or Latin digits, with any usual separator', () => {
    expect(parseDayInput('۱۴۰۵/۰۹/۱۳', 'fa')).toBe('2026-12-04');
    expect(parseDayInput('1405/9/13', 'fa')).toBe('2026-12-04');
    expect(parseDayInput('١٤٠٥-٠٩-١٣', 'fa')).toBe('2026-12-04');
    expect(parseDayInput('1404/12/30', 'fa')).toBeNull();
    expect(parseDayInput('۱۴۰۵/۱۳/۰۱', 'fa')).toBeNull();
  });

  it('reads a Gregorian day in English and refuses one that does not exist', () => {
    expect(parseDayInput('2026-12-04', 'en')).toBe('2026-12-04');
    expect(parseDayInput('2026/1/5', 'en')).toBe('2026-01-05');
    expect(parseDayInput('2026-02-30', 'en')).toBeNull();
    expect(parseDayInput('tomorrow', 'en')).toBeNull();
  });

  it('reads 24-hour times however they are typed', () => {
    expect(parseTimeInput('9')).toBe('09:00');
    expect(parseTimeInput('930')).toBe('09:30');
    expect(parseTimeInput('14:30')).toBe('14:30');
    expect(parseTimeInput('۱۴:۳۰')).toBe('14:30');
    expect(parseTimeInput('1430')).toBe('14:30');
    expect(parseTimeInput('24:00')).toBeNull();
    expect(parseTimeInput('12:60')).toBeNull();
    expect(parseTimeInput('2pm')).toBeNull();
  });

  it('shows times and digits in the reader’s script', () => {
    expect(formatTimeInput('14:30', 'fa')).toBe('۱۴:۳۰');
    expect(formatTimeInput('14:30', 'en')).toBe('14:30');
    expect(localizeDigits('2026', 'fa')).toBe('۲۰۲۶');
    expect(toLatinDigits('۲۰۲۶ and ٢٠')).toBe('2026 and 20');
  });
});
