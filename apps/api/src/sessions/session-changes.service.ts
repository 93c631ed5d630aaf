import { Injectable } from '@nestjs/common';
import { Modality, SessionStatus, type SessionResponse } from '@pm/contracts';
import { forbidden } from '@api/auth/auth.errors';
import type { Actor } from '@api/common/access.decorators';
import { isUuid } from '@api/common/uuid';
import { DomainEvents } from '@api/events/domain-events';
import { AvailabilityService } from './availability.service';
import type { UpdateSessionDto } from './dto/sessions.dto';
import { isExclusionViolation, retryOnDeadlock } from './session-conflict';
import { checkTimes } from './session-times';
import { SessionStore } from './session.store';
import { invalidUpdate, locationOnlyInPerson, sessionCancelled, sessionNotFound, sessionStarted } from './sessions.errors';
import { SessionsService } from './sessions.service';

/** Cancelling, rescheduling and moving a session to another room. */
@Injectable()
export class SessionChangesService {
  constructor(
    private readonly store: SessionStore,
    private readonly availability: AvailabilityService,
    private readonly events: DomainEvents,
    private readonly sessions: SessionsService,
  ) {}

  /** Its mentor or mentee: cancel (it stays, cancelled, in calendars), reschedule, or move to another room. */
  async update(actor: Actor, id: string, dto: UpdateSessionDto): Promise<SessionResponse> {
    if (!isUuid(id)) throw sessionNotFound();
    const cancel = dto.status === SessionStatus.Cancelled;
    const move = dto.startsAt !== undefined && dto.endsAt !== undefined;
    if (!cancel && !move && dto.location === undefined) throw invalidUpdate('Nothing to change: send {status: "cancelled"} or {startsAt, endsAt}');
    if (cancel && (move || dto.location !== undefined)) throw invalidUpdate('Cancel, or change the time or place, not both at once');
    if (!cancel && dto.reason !== undefined) throw invalidUpdate('reason goes with status: "cancelled"');
    const start = move ? Date.parse(dto.startsAt as string) : 0;
    const end = move ? Date.parse(dto.endsAt as string) : 0;
    try {
      await retryOnDeadlock(() =>
        this.store.dataSource.transaction(async (manager) => {
          const s = await this.store.lockSession(manager, actor, id);
          if (s.my_role === 'mentee' && s.seat_limit > 1) throw forbidden('Only the mentor changes a group session; you may leave it');
          if (s.status === SessionStatus.Cancelled) {
            if (cancel) return;
            throw sessionCancelled();
          }
          if (s.starts_at.getTime() <= Date.now()) throw sessionStarted();
          if (cancel) {
            const participantIds = await this.store.activePeople(manager, id);
            await this.store.cancel(manager, id, dto.reason ?? null);
            await this.events.publish(manager, 'session.cancelled', { sessionId: id, actorId: actor.id, participantIds });
            return;
          }
          if (dto.location !== undefined && s.modality !== Modality.InPerson) throw locationOnlyInPerson();
          if (move) {
            checkTimes(start, end, Date.now());
            const guarded = s.my_role === 'mentee' && s.published;
            // The buffer lock before the people's locks, in the same order as a booking takes them.
            if (guarded && s.buffer_minutes > 0) await this.store.lockMentor(manager, s.mentor_id);
            await this.store.lockPeople(manager, await this.store.activePeople(manager, id));
            if (guarded) await this.availability.assertBookable(manager, s.mentor_id, [{ start, end }], id);
            await this.store.moveAttendees(manager, id, start, end);
          }
          await this.store.change(manager, id, move ? { start, end } : null, dto.location ?? null);
          await this.events.publish(manager, 'session.changed', { sessionId: id, actorId: actor.id, moved: move });
        }),
      );
    } catch (e) {
      if (isExclusionViolation(e)) {
        const people = await this.store.activePeople(this.store.dataSource, id);
        throw await this.store.conflictFor(actor, people, [{ start, end }], id);
      }
      throw e;
    }
    return this.sessions.one(actor, id);
  }
}
