import { freeSlots, insideWindows, mergeIntervals, openWindows, withBuffer, type Schedule } from './availability';
import { formatInZone } from './time-zones';

const at = (iso: string): number => Date.parse(iso);
const iso = (t: number): string => new Date(t).toISOString();

const berlinMondays: Schedule = {
  timeZone: 'Europe/Berlin',
  bufferMinutes: 0,
  weekly: [{ weekday: 1, startMinute: 9 * 60, endMinute: 12 * 60 }],
  overrides: [],
};

describe('open windows', () => {
  it('places the same weekly hours on different UTC times either side of the change', () => {
    const windows = openWindows(berlinMondays, at('2030-03-01T00:00:00Z'), at('2030-04-08T00:00:00Z'));
    expect(windows.map((w) => `${iso(w.start)}/${iso(w.end)}`)).toEqual([
      '2030-03-04T08:00:00.000Z/2030-03-04T11:00:00.000Z',
      '2030-03-11T08:00:00.000Z/2030-03-11T11:00:00.000Z',
      '2030-03-18T08:00:00.000Z/2030-03-18T11:00:00.000Z',
      '2030-03-25T08:00:00.000Z/2030-03-25T11:00:00.000Z',
      '2030-04-01T07:00:00.000Z/2030-04-01T10:00:00.000Z',
    ]);
  });

  it('reads a window across the night the clocks jump as the shorter span it is', () => {
    const night: Schedule = { ...berlinMondays, weekly: [{ weekday: 7, startMinute: 60, endMinute: 240 }] };
    const [w] = openWindows(night, at('2030-03-30T00:00:00Z'), at('2030-04-01T00:00:00Z'));
    expect(w && [iso(w.start), iso(w.end)]).toEqual(['2030-03-31T00:00:00.000Z', '2030-03-31T02:00:00.000Z']);
  });

  it('drops a day off and adds an extra evening', () => {
    const s: Schedule = {
      ...berlinMondays,
      overrides: [
        { date: '2030-03-25', available: false, startMinute: null, endMinute: null },
        { date: '2030-03-27', available: true, startMinute: 18 * 60, endMinute: 21 * 60 },
      ],
    };
    const windows = openWindows(s, at('2030-03-24T00:00:00Z'), at('2030-03-31T00:00:00Z'));
    expect(windows.map((w) => formatInZone(w.start, 'Europe/Berlin'))).toEqual(['2030-03-27T18:00:00+01:00']);
  });

  it('joins touching windows, so a session may span them', () => {
    const s: Schedule = { ...berlinMondays, weekly: [{ weekday: 1, startMinute: 540, endMinute: 600 }, { weekday: 1, startMinute: 600, endMinute: 660 }] };
    const windows = openWindows(s, at('2030-03-04T00:00:00Z'), at('2030-03-05T00:00:00Z'));
    expect(windows).toHaveLength(1);
    expect(insideWindows(windows, at('2030-03-04T08:30:00Z'), at('2030-03-04T09:30:00Z'))).toBe(true);
    expect(insideWindows(windows, at('2030-03-04T09:30:00Z'), at('2030-03-04T10:30:00Z'))).toBe(false);
  });
});

describe('free slots', () => {
  const windows = openWindows(berlinMondays, at('2030-03-25T00:00:00Z'), at('2030-03-26T00:00:00Z'));
  const q = { from: at('2030-03-25T00:00:00Z'), to: at('2030-03-26T00:00:00Z'), durationMinutes: 60, stepMinutes: 30, now: at('2030-01-01T00:00:00Z') };

  it('lists the grid of a free window', () => {
    expect(freeSlots(windows, [], q).map((s) => formatInZone(s.start, 'Europe/Berlin').slice(11, 16))).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
  });

  it('leaves out booked time and the buffer around it, but not time that merely touches it', () => {
    const booked = { start: at('2030-03-25T09:00:00Z'), end: at('2030-03-25T09:30:00Z') }; // 10:00-10:30 CET
    expect(freeSlots(windows, [booked], q).map((s) => formatInZone(s.start, 'Europe/Berlin').slice(11, 16))).toEqual(['09:00', '10:30', '11:00']);
    expect(freeSlots(windows, [withBuffer(booked, 30)], q).map((s) => formatInZone(s.start, 'Europe/Berlin').slice(11, 16))).toEqual(['11:00']);
  });

  it('offers nothing that has already begun', () => {
    expect(freeSlots(windows, [], { ...q, now: at('2030-03-25T09:15:00Z') }).map((s) => formatInZone(s.start, 'Europe/Berlin').slice(11, 16))).toEqual(['10:30', '11:00']);
  });

  it('merges overlapping intervals', () => {
    expect(mergeIntervals([{ start: 5, end: 8 }, { start: 1, end: 3 }, { start: 3, end: 4 }, { start: 7, end: 9 }])).toEqual([{ start: 1, end: 4 }, { start: 5, end: 9 }]);
  });
});
