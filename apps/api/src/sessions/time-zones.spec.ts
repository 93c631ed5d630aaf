import fc from 'fast-check';
import { formatInZone, isValidTimeZone, localDateOf, localMinuteOf, offsetMinutesAt, parseClock, parseLocalDate, sameWallTimeWeeksLater, zonedWallToInstant } from './time-zones';

const at = (iso: string): number => Date.parse(iso);

describe('time zones through Intl', () => {
  it('knows IANA zones and refuses anything else', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('+02:00')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('gives each instant its own offset, either side of a change', () => {
    expect(offsetMinutesAt(at('2030-03-31T00:59:59Z'), 'Europe/Berlin')).toBe(60);
    expect(offsetMinutesAt(at('2030-03-31T01:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutesAt(at('2030-03-10T06:59:00Z'), 'America/New_York')).toBe(-300);
    expect(offsetMinutesAt(at('2030-03-10T07:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutesAt(at('2030-06-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('places a wall time on the right instant in winter and in summer', () => {
    expect(zonedWallToInstant({ year: 2030, month: 3, day: 25 }, 9 * 60, 'Europe/Berlin')).toBe(at('2030-03-25T08:00:00Z'));
    expect(zonedWallToInstant({ year: 2030, month: 4, day: 1 }, 9 * 60, 'Europe/Berlin')).toBe(at('2030-04-01T07:00:00Z'));
    expect(zonedWallToInstant({ year: 2030, month: 3, day: 31 }, 24 * 60, 'Europe/Berlin')).toBe(at('2030-03-31T22:00:00Z'));
  });

  it('moves a wall time that does not exist (spring forward) forward by the gap', () => {
    // 02:30 never happens in Berlin on 31 March 2030: the clocks jump from 02:00 CET to 03:00 CEST.
    expect(zonedWallToInstant({ year: 2030, month: 3, day: 31 }, 150, 'Europe/Berlin')).toBe(at('2030-03-31T01:30:00Z'));
    expect(zonedWallToInstant({ year: 2030, month: 3, day: 31 }, 180, 'Europe/Berlin')).toBe(at('2030-03-31T01:00:00Z'));
  });

  it('takes the earlier of a wall time that happens twice (fall back)', () => {
    expect(zonedWallToInstant({ year: 2030, month: 10, day: 27 }, 150, 'Europe/Berlin')).toBe(at('2030-10-27T00:30:00Z'));
  });

  it('formats an instant in a zone with that zone’s offset', () => {
    expect(formatInZone(at('2030-04-01T07:00:00Z'), 'America/New_York')).toBe('2030-04-01T03:00:00-04:00');
    expect(formatInZone(at('2030-03-04T08:00:00Z'), 'America/New_York')).toBe('2030-03-04T03:00:00-05:00');
    expect(formatInZone(at('2030-04-01T07:00:00Z'), 'Europe/Berlin')).toBe('2030-04-01T09:00:00+02:00');
    expect(formatInZone(at('2030-04-01T07:00:00Z'), 'UTC')).toBe('2030-04-01T07:00:00+00:00');
    expect(formatInZone(at('2030-06-01T00:00:00Z'), 'Asia/Kolkata')).toBe('2030-06-01T05:30:00+05:30');
  });

  it('keeps a weekly series at the same local time across a change', () => {
    const first = at('2030-03-25T09:00:00Z'); // 10:00 CET
    expect(new Date(sameWallTimeWeeksLater(first, 1, 'Europe/Berlin')).toISOString()).toBe('2030-04-01T08:00:00.000Z'); // 10:00 CEST
    expect(new Date(sameWallTimeWeeksLater(first, 1, 'UTC')).toISOString()).toBe('2030-04-01T09:00:00.000Z');
  });

  it('parses clock times and calendar dates strictly', () => {
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:30')).toBeUndefined();
    expect(parseClock('9:30')).toBeUndefined();
    expect(parseLocalDate('2030-02-28')).toEqual({ year: 2030, month: 2, day: 28 });
    expect(parseLocalDate('2030-02-30')).toBeUndefined();
  });

  it('round-trips any instant through its local wall time (to the minute), in any of these zones', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Tehran', 'Pacific/Apia', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (t0, zone) => {
        const t = t0 - (t0 % 60_000);
        const back = zonedWallToInstant(localDateOf(t, zone), localMinuteOf(t, zone), zone);
        // The same wall time; the earlier instant when the wall time happens twice.
        expect(back).toBeLessThanOrEqual(t);
        expect(localMinuteOf(back, zone)).toBe(localMinuteOf(t, zone));
        expect(localDateOf(back, zone)).toEqual(localDateOf(t, zone));
      }),
      { numRuns: 2000 },
    );
  });
});
