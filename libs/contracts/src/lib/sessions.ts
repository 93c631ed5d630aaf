import type { Modality } from './enums';

export const SessionStatus = { Scheduled: 'scheduled', Cancelled: 'cancelled' } as const;
export type SessionStatus = (typeof SessionStatus)[keyof typeof SessionStatus];
export const SESSION_STATUSES: readonly SessionStatus[] = Object.values(SessionStatus);

export const Attendance = { Attended: 'attended', NoShow: 'no_show' } as const;
export type Attendance = (typeof Attendance)[keyof typeof Attendance];
export const ATTENDANCES: readonly Attendance[] = Object.values(Attendance);

/** The longest a session may last, and the most weekly occurrences one booking may create. */
export const MAX_SESSION_MINUTES = 24 * 60;
export const MAX_SERIES_OCCURRENCES = 52;
export const MAX_SEAT_LIMIT = 30;
export const MAX_BUFFER_MINUTES = 240;
/** The widest range `GET /api/mentorships/:id/slots` computes at once. */
export const MAX_SLOT_RANGE_DAYS = 62;

export interface CreateSessionRequest {
  /** The mentorship the session belongs to; the caller is its mentor or its mentee. */
  mentorshipId: string;
  /** ISO 8601 with an offset, e.g. "2027-03-29T10:00:00+02:00"; in the future. */
  startsAt: string;
  /** ISO 8601 with an offset; after `startsAt`, at most 24 hours later. */
  endsAt: string;
  modality: Modality;
  /** Required for `in_person`: a room on campus. */
  location?: string;
  title?: string;
  /** Group sessions (mentor only): most mentees who may attend; 1 (the default) is a one-to-one session. */
  seatLimit?: number;
  /** Group sessions (mentor only): further mentorships of the same mentor whose mentees attend too. */
  additionalMentorshipIds?: string[];
  /** A weekly series of this many occurrences (2-52), booked all or nothing, at the same local time. */
  weeklyOccurrences?: number;
}

/** Either `{status: "cancelled", reason?}` or `{startsAt, endsAt}` (and/or `location`). */
export interface UpdateSessionRequest {
  status?: typeof SessionStatus.Cancelled;
  reason?: string;
  startsAt?: string;
  endsAt?: string;
  location?: string;
}

export interface SessionPerson {
  userId: string;
  fullName: string;
}

export interface SessionAttendee extends SessionPerson {
  mentorshipId: string;
  /** False once the mentee left a group session. */
  active: boolean;
  /** Marked by the mentor once the session has begun; null until then. */
  attendance: Attendance | null;
}

export interface SessionResponse {
  id: string;
  status: SessionStatus;
  /** The mentorship it was booked through. */
  mentorshipId: string;
  programId: string;
  title: string | null;
  startsAt: string;
  endsAt: string;
  modality: Modality;
  location: string | null;
  /** Virtual sessions only: the video-call link. */
  meetingUrl: string | null;
  seatLimit: number;
  /** Set for the occurrences of a weekly series. */
  seriesId: string | null;
  /** Raised on every change; the calendar feed's SEQUENCE. */
  sequence: number;
  mentor: SessionPerson;
  attendees: SessionAttendee[];
  /** The caller's part in it. */
  myRole: 'mentor' | 'mentee';
  cancelReason: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/sessions` answers the (first) session; a weekly series also lists every occurrence. */
export interface CreateSessionResponse extends SessionResponse {
  occurrences: Array<{ id: string; startsAt: string; endsAt: string }>;
}

export interface AttendanceRequest {
  records: Array<{ menteeId: string; attendance: Attendance }>;
}

/** A window of a weekday, in the mentor's own time zone, as "HH:MM" (end "24:00" allowed). */
export interface WeeklyWindow {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  start: string;
  end: string;
}

/** A day off (`available: false`, no times) or an extra window on that date (`available: true`, start, end). */
export interface AvailabilityOverride {
  /** YYYY-MM-DD in the mentor's time zone. */
  date: string;
  available: boolean;
  start?: string;
  end?: string;
}

export interface AvailabilityRequest {
  /** IANA time zone of the mentor's hours, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Minutes kept free between two sessions (0-240). */
  bufferMinutes: number;
  weekly: WeeklyWindow[];
  overrides: AvailabilityOverride[];
}

export interface AvailabilityResponse extends AvailabilityRequest {
  /** False until the mentor publishes; then mentees may only book inside it. */
  published: boolean;
  updatedAt: string | null;
}

export interface Slot {
  /** In the time zone asked for, with its offset. */
  startsAt: string;
  endsAt: string;
}

export interface SlotsResponse {
  timeZone: string;
  mentorTimeZone: string | null;
  /** False: the mentor has published no availability, so any free time can be booked. */
  published: boolean;
  durationMinutes: number;
  slots: Slot[];
  /** Times already taken in the range: the mentor's sessions widened by their buffer, and the mentee's sessions. */
  busy: Slot[];
}

export interface CalendarFeedResponse {
  /** The secret address to subscribe to; the owner can see it again (`GET /api/me/calendar-feed`). */
  url: string;
  /** The same address with the webcal: scheme, which calendar apps open as a subscription. */
  webcalUrl: string;
  createdAt: string;
}

export interface CalendarFeedStatusResponse {
  active: boolean;
  createdAt: string | null;
  /** The current address, shown again as often as asked; null without a feed, or for one made before addresses could be shown again. */
  url: string | null;
  webcalUrl: string | null;
}
