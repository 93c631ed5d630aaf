import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './format-date';

const LATIN_DIGIT = /[0-9]/;

describe('formatDate', () => {
  it('given Persian, when formatting the first day of 1405, then it uses the Solar Hijri calendar and Persian digits', () => {
    const text = formatDate('2026-03-21', 'fa');
    expect(text).toContain('۱۴۰۵');
    expect(text).toContain('فروردین');
    expect(text).toContain('۱');
    expect(text).not.toMatch(LATIN_DIGIT);
  });

  it('given Persian, when formatting the day before Nowruz, then it is still 1404', () => {
    const text = formatDate('2026-03-20', 'fa');
    expect(text).toContain('۱۴۰۴');
    expect(text).toContain('اسفند');
  });

  it('given English, when formatting a date, then it reads day month year as en-GB does', () => {
    expect(formatDate('2026-03-21', 'en')).toBe('21 Mar 2026');
    expect(formatDate('2026-03-21', 'en', 'long')).toBe('21 March 2026');
  });

  it('given a date-only value, when the viewer is far west of UTC, then the calendar day does not move', () => {
    const original = process.env['TZ'];
    process.env['TZ'] = 'America/Los_Angeles';
    try {
      // Midnight UTC is the previous evening in Los Angeles; a date-only value must not follow it.
      expect(new Date(Date.UTC(2026, 0, 1)).getDate()).toBe(31);
      expect(formatDate('2026-01-01', 'en')).toBe('1 Jan 2026');
    } finally {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    }
  });

  it('given something that is not a date, when formatting, then it is shown unchanged rather than "Invalid Date"', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
  });

  it('formats numbers with Persian digits in Persian', () => {
    expect(formatNumber(1405, 'fa')).toBe('۱٬۴۰۵');
    expect(formatNumber(1405, 'en')).toBe('1,405');
  });
});

describe('formatDate in Persian order', () => {
  it('puts the weekday first with no Latin comma: "جمعه ۱۳ آذر ۱۴۰۵"', () => {
    expect(formatDate('2026-12-04', 'fa', 'full')).toBe('جمعه ۱۳ آذر ۱۴۰۵');
    expect(formatDate('2026-12-04', 'en', 'full')).toBe('Friday, 4 December 2026');
  });
});
