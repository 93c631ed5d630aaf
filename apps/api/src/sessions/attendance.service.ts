import { Injectable } from '@nestjs/common';
import { SessionStatus, type SessionResponse } from '@pm/contracts';
import { forbidden } from '@api/auth/auth.errors';
import type { Actor } from '@api/common/access.decorators';
import { isUuid } from '@api/common/uuid';
import type { AttendanceDto } from './dto/sessions.dto';
import { SessionStore } from './session.store';
import { notAnAttendee, sessionCancelled, sessionNotFound, sessionNotStarted } from './sessions.errors';
import { SessionsService } from './sessions.service';

/** Who attended a session that has begun. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly store: SessionStore,
    private readonly sessions: SessionsService,
  ) {}

  /** The mentor, once the session has begun: who attended and who did not show up. */
  async markAttendance(actor: Actor, id: string, dto: AttendanceDto): Promise<SessionResponse> {
    if (!isUuid(id)) throw sessionNotFound();
    await this.store.dataSource.transaction(async (manager) => {
      const s = await this.store.lockSession(manager, actor, id);
      if (s.my_role !== 'mentor') throw forbidden('Only the mentor marks attendance');
      if (s.status === SessionStatus.Cancelled) throw sessionCancelled();
      if (s.starts_at.getTime() > Date.now()) throw sessionNotStarted();
      const ids = await this.store.activeMentees(manager, id);
      const stranger = dto.records.find((r) => !ids.has(r.menteeId));
      if (stranger) throw notAnAttendee(stranger.menteeId);
      await this.store.markAttendance(manager, id, dto.records);
    });
    return this.sessions.one(actor, id);
  }
}
