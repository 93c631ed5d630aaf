import { describe, expect, it } from 'vitest';
import { fromJalali, jalaliMonthLength, parseIsoDay, toJalali } from './jalali';

describe('the Jalali calendar', () => {
  it('Nowruz 1405 is 21 March 2026, and 1 Dey 1405 is 22 December 2026', () => {
    expect(toJalali({ year: 2026, month: 3, day: 21 })).toEqual({ year: 1405, month: 1, day: 1 });
    expect(fromJalali({ year: 1405, month: 1, day: 1 })).toEqual({ year: 2026, month: 3, day: 21 });
    expect(fromJalali({ year: 1405, month: 10, day: 1 })).toEqual({ year: 2026, month: 12, day: 22 });
  });

  it('round-trips every day of three years, across leap years', () => {
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2026, 0, 1); t += 86_400_000) {
      const date = new Date(t);
      const gregorian = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      expect(fromJalali(toJalali(gregorian))).toEqual(gregorian);
    }
  });

  it('knows the leap Esfand (1403 has 30 days, 1404 has 29) and refuses days that do not exist', () => {
    expect(jalaliMonthLength(1403, 12)).toBe(30);
    expect(jalaliMonthLength(1404, 12)).toBe(29);
    expect(jalaliMonthLength(1404, 6)).toBe(31);
    expect(jalaliMonthLength(1404, 7)).toBe(30);
    expect(fromJalali({ year: 1404, month: 12, day: 30 })).toBeNull();
    expect(fromJalali({ year: 1404, month: 7, day: 31 })).toBeNull();
    expect(fromJalali({ year: 1404, month: 13, day: 1 })).toBeNull();
  });

  it('reads only real ISO days', () => {
    expect(parseIsoDay('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseIsoDay('2026-02-30')).toBeNull();
    expect(parseIsoDay('2026-2-3')).toBeNull();
  });
});
