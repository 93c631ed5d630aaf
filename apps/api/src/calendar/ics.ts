import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { Modality, SessionStatus } from '@pm/contracts';
import type { ParticipantRole } from '@api/sessions/session-attendee.entity';

/** One session as one person sees it in their calendar. Nothing about grades is ever selected into it. */
export interface CalendarEventRow {
  id: string;
  title: string | null;
  starts_at: Date;
  ends_at: Date;
  modality: Modality;
  location: string | null;
  meeting_url: string | null;
  status: SessionStatus;
  /** The session's sequence plus the viewer's own (raised when they join or leave a group session). */
  sequence: number;
  /** False when the viewer left the session: it then shows as cancelled for them. */
  active: boolean;
  role: ParticipantRole;
  seat_limit: number;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
  mentor_name: string;
  mentee_names: string | null;
}

/** How often calendar apps are asked to poll (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
export const FEED_REFRESH_SECONDS = 3600;

// Stable for the life of the session: calendars match updates and cancellations to the event by it.
export const eventUid = (sessionId: string): string => `${sessionId}@peer-mentoring`;

function summary(r: CalendarEventRow): string {
  const who = r.role === 'mentee' ? r.mentor_name : r.mentee_names || 'your mentees';
  const base = r.seat_limit > 1 ? `Group mentoring with ${who}` : `Mentoring with ${who}`;
  return r.title ? `${r.title} (${base})` : base;
}

function description(r: CalendarEventRow, cancelled: boolean): string {
  const lines = [r.modality === Modality.Virtual ? `Video call: ${r.meeting_url ?? ''}` : `Room: ${r.location ?? ''}`];
  if (r.seat_limit > 1) lines.push(`Mentor: ${r.mentor_name}`, `Mentees: ${r.mentee_names ?? '-'}`);
  if (r.status === SessionStatus.Cancelled) lines.push(`Cancelled${r.cancel_reason ? `: ${r.cancel_reason}` : ''}`);
  else if (cancelled) lines.push('You left this group session');
  return lines.join('\n');
}

const utf8Length = (ch: string): number => {
  const cp = ch.codePointAt(0) ?? 0;
  // A pair of UTF-16 units is four octets (an astral character); a lone surrogate becomes U+FFFD, three.
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : ch.length === 2 ? 4 : 3;
};

function foldLine(line: string): string {
  // Nearly every line is short ASCII, which folding leaves alone.
  if (line.length <= 74 && !/\P{ASCII}/u.test(line)) return line;
  let out = '';
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    let ch = line.charAt(i);
    if (ch >= '\uD800' && ch <= '\uDBFF') ch += line.charAt(++i);
    const k = utf8Length(ch);
    octets += k;
    if (octets > 74) {
      out += '\r\n ';
      octets = k;
    }
    out += ch;
  }
  return out;
}

/**
 * RFC 5545 line folding, octet for octet what ical-generator's own folding writes (a unit test holds the two
 * equal), without the TextEncoder it allocates for every character: on a 5,000-session feed that folding
 * alone took over a second.
 */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

/** The calendar as text: ical-generator writes every component; only the folding is ours (see foldLines). */
export function renderCalendar(calendar: ICalCalendar): string {
  const events = calendar.events().map((e) => e.toString()).join('');
  const shell = calendar.clear().toString();
  return `${shell.slice(0, -'END:VCALENDAR'.length)}${foldLines(events)}END:VCALENDAR`;
}

/**
 * Times are written in UTC ("...Z"), which every client places correctly whatever its own zone and without a
 * VTIMEZONE to interpret; the UID never changes and SEQUENCE rises with every change, so clients update the
 * event in place; a cancelled session stays, with STATUS:CANCELLED, instead of silently vanishing.
 */
export function buildCalendar(
  rows: CalendarEventRow[],
  name: string,
  method: ICalCalendarMethod = ICalCalendarMethod.PUBLISH,
  /** A display alarm this many minutes before each session that still takes place (the shortest reminder lead). */
  alarmMinutes?: number,
): ICalCalendar {
  const calendar = ical({
    name,
    prodId: { company: 'peer-mentoring', product: 'sessions', language: 'EN' },
    method,
    ttl: FEED_REFRESH_SECONDS,
  });
  for (const r of rows) {
    const cancelled = r.status === SessionStatus.Cancelled || !r.active;
    calendar.createEvent({
      id: eventUid(r.id),
      start: r.starts_at,
      end: r.ends_at,
      stamp: r.updated_at,
      created: r.created_at,
      lastModified: r.updated_at,
      sequence: r.sequence,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: summary(r),
      description: description(r, cancelled),
      location: r.modality === Modality.Virtual ? r.meeting_url : r.location,
      url: r.modality === Modality.Virtual ? r.meeting_url : null,
      alarms: alarmMinutes !== undefined && !cancelled ? [{ type: ICalAlarmType.display, trigger: alarmMinutes * 60, description: summary(r) }] : [],
    });
  }
  return calendar;
}
