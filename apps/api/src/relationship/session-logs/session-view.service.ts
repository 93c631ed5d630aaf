import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type Attendance, type Modality, type SessionForCoordinator, type SessionResponse, type SessionStatus, type SessionWithLog } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { DomainError } from '@api/common/domain-error';
import { isUuid } from '@api/common/uuid';
import { SessionLogsService } from './session-logs.service';

interface CoordinatorSessionRow {
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
  seat_limit: number;
  series_id: string | null;
  status: SessionStatus;
  sequence: number;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * `GET /api/sessions/:id` (CONTRACT.md): a participant gets the session with its log, note included; a
 * coordinator of the program gets a separate shape, built here from named columns, with the log's summary and
 * no meeting link. Anyone else gets the 404 of a session that does not exist.
 */
@Injectable()
export class SessionViewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly logs: SessionLogsService,
  ) {}

  async view(actor: Actor, id: string, asParticipant: () => Promise<SessionResponse>): Promise<SessionWithLog | SessionForCoordinator> {
    try {
      const session = await asParticipant();
      return { ...session, log: await this.logs.forSession(session.id, 'participant') };
    } catch (e) {
      if (!(e instanceof DomainError && e.code === ErrorCode.SessionNotFound)) throw e;
      const coordinated = await this.forCoordinator(actor, id);
      if (!coordinated) throw e;
      return coordinated;
    }
  }

  private async forCoordinator(actor: Actor, id: string): Promise<SessionForCoordinator | null> {
    if (!isUuid(id)) return null;
    const rows: CoordinatorSessionRow[] = await this.dataSource.query(
      `SELECT s.id, s.program_id, s.mentorship_id, s.mentor_id, mo.full_name AS mentor_name, s.title, s.starts_at, s.ends_at, s.modality,
              s.location, s.seat_limit, s.series_id, s.status, s.sequence, s.cancel_reason, s.cancelled_at, s.created_at, s.updated_at
         FROM mentoring_session s JOIN app_user mo ON mo.id = s.mentor_id
        WHERE s.id = $1 AND EXISTS (SELECT 1 FROM program_coordinator pc WHERE pc.program_id = s.program_id AND pc.user_id = $2)`,
      [id, actor.id],
    );
    const r = rows[0];
    if (!r) return null;
    const attendees: Array<{ user_id: string; full_name: string; mentorship_id: string; active: boolean; attendance: Attendance | null }> = await this.dataSource.query(
      `SELECT a.user_id, u.full_name, a.mentorship_id, a.active, a.attendance FROM session_attendee a JOIN app_user u ON u.id = a.user_id
        WHERE a.session_id = $1 AND a.role = 'mentee' ORDER BY u.full_name, a.user_id`,
      [id],
    );
    return {
      id: r.id,
      status: r.status,
      mentorshipId: r.mentorship_id,
      programId: r.program_id,
      title: r.title,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      modality: r.modality,
      location: r.location,
      meetingUrl: null,
      seatLimit: r.seat_limit,
      seriesId: r.series_id,
      sequence: r.sequence,
      mentor: { userId: r.mentor_id, fullName: r.mentor_name },
      attendees: attendees.map((a) => ({ userId: a.user_id, fullName: a.full_name, mentorshipId: a.mentorship_id, active: a.active, attendance: a.attendance })),
      myRole: 'coordinator',
      cancelReason: r.cancel_reason,
      cancelledAt: r.cancelled_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      log: await this.logs.forSession(r.id, 'coordinator'),
    };
  }
}
