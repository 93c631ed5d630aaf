import type { Modality, SessionAttendee, SessionResponse, SessionStatus } from '@pm/contracts';
import type { ParticipantRole } from './session-attendee.entity';

export interface SessionRow {
  id: string;
  program_id: string;
  mentorship_id: string;
  mentor_id: string;
  mentor_name: string;
  title: string | null;
  starts_at: Date;
  ends_at: Date;
  modality: Modality;
  location: string | null;
  meeting_url: string | null;
  seat_limit: number;
  series_id: string | null;
  status: SessionStatus;
  sequence: number;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  created_at: Date;
  updated_at: Date;
  my_role: ParticipantRole;
}

/** Columns of a session as seen by one participant (`a` is the viewer's attendee row). */
export const SESSION_SELECT = `
  SELECT s.id, s.program_id, s.mentorship_id, s.mentor_id, mo.full_name AS mentor_name, s.title, s.starts_at, s.ends_at,
         s.modality, s.location, s.meeting_url, s.seat_limit, s.series_id, s.status, s.sequence, s.cancel_reason,
         s.cancelled_at, s.created_at, s.updated_at, a.role AS my_role
    FROM mentoring_session s
    JOIN session_attendee a ON a.session_id = s.id
    JOIN app_user mo ON mo.id = s.mentor_id`;

/**
 * Follows `FROM (<sessions>) AS s`: each session's mentees as a JSON array in the response's shape and order,
 * so a list is one query, not a second one for the attendees. After the sessions' own LIMIT, so it runs for
 * the sessions returned only.
 */
export const WITH_ATTENDEES = `
  CROSS JOIN LATERAL (
    SELECT COALESCE(json_agg(json_build_object('userId', x.user_id, 'fullName', u.full_name, 'mentorshipId', x.mentorship_id,
                                               'active', x.active, 'attendance', x.attendance) ORDER BY u.full_name, x.user_id), '[]') AS attendees
      FROM session_attendee x JOIN app_user u ON u.id = x.user_id
     WHERE x.session_id = s.id AND x.role = 'mentee'
  ) AS att`;

export type SessionWithAttendeesRow = SessionRow & { attendees: SessionAttendee[] };

export const toSessionResponse = (r: SessionRow, attendees: SessionAttendee[]): SessionResponse => ({
  id: r.id,
  status: r.status,
  mentorshipId: r.mentorship_id,
  programId: r.program_id,
  title: r.title,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  modality: r.modality,
  location: r.location,
  meetingUrl: r.meeting_url,
  seatLimit: r.seat_limit,
  seriesId: r.series_id,
  sequence: r.sequence,
  mentor: { userId: r.mentor_id, fullName: r.mentor_name },
  attendees,
  myRole: r.my_role,
  cancelReason: r.cancel_reason,
  cancelledAt: r.cancelled_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});
