import fc from 'fast-check';
import { Modality, SessionStatus } from '@pm/contracts';
import { buildCalendar, eventUid, foldLines, renderCalendar, type CalendarEventRow } from './ics';

const row = (o: Partial<CalendarEventRow> = {}): CalendarEventRow => ({
  id: '0b0e1f9e-3c3b-4d8a-9a55-4b3d1f6f2a10',
  title: null,
  starts_at: new Date('2030-03-31T08:00:00Z'),
  ends_at: new Date('2030-03-31T09:00:00Z'),
  modality: Modality.Virtual,
  location: null,
  meeting_url: 'https://meet.jit.si/pm-0123456789abcdef0123456789abcdef',
  status: SessionStatus.Scheduled,
  sequence: 0,
  active: true,
  role: 'mentee',
  seat_limit: 1,
  cancel_reason: null,
  created_at: new Date('2030-01-01T00:00:00Z'),
  updated_at: new Date('2030-01-02T00:00:00Z'),
  mentor_name: 'Dr Mentor',
  mentee_names: 'Mia Mentee',
  ...o,
});

describe('iCalendar output', () => {
  it('writes UTC times, a stable UID, SEQUENCE, STATUS and the refresh hints', () => {
    const text = renderCalendar(buildCalendar([row({ sequence: 3 }), row({ id: 'c0ffee00-0000-4000-8000-000000000000', status: SessionStatus.Cancelled, cancel_reason: 'Ill' })], 'Mentoring sessions'));
    expect(text).toContain('DTSTART:20300331T080000Z');
    expect(text).toContain(`UID:${eventUid('0b0e1f9e-3c3b-4d8a-9a55-4b3d1f6f2a10')}`);
    expect(text).toContain('SEQUENCE:3');
    expect(text).toContain('STATUS:CANCELLED');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(text).toContain('X-PUBLISHED-TTL:PT1H');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR$/);
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });

  it('writes exactly what ical-generator itself writes, long and non-ASCII text included', () => {
    const rows = [
      row({ title: 'تمرین آزمون قلب و عروق — Kardiologie-Prüfungsvorbereitung mit Fallbeispielen 🫀🩺, Teil 2; bitte pünktlich' }),
      row({ modality: Modality.InPerson, location: 'Anatomiegebäude, Raum 2.14; Eingang über den Innenhof (neben der Bibliothek)', meeting_url: null, role: 'mentor', seat_limit: 4 }),
    ];
    expect(renderCalendar(buildCalendar(rows, 'Mentoring sessions'))).toBe(buildCalendar(rows, 'Mentoring sessions').toString());
  });

  it('folds any text as ical-generator does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (title) => {
        const rows = [row({ title: title.replace(/[\r\n]/g, ' ') })];
        expect(renderCalendar(buildCalendar(rows, 'x'))).toBe(buildCalendar(rows, 'x').toString());
      }),
      { numRuns: 300 },
    );
    expect(foldLines('short\r\nlines')).toBe('short\r\nlines');
  });
});
