import { Injectable } from '@nestjs/common';
import { SessionStatus, type SessionResponse } from '@pm/contracts';
import { forbidden } from '@api/auth/auth.errors';
import type { Actor } from '@api/common/access.decorators';
import { isUuid } from '@api/common/uuid';
import { DomainEvents } from '@api/events/domain-events';
import type { Interval } from './availability';
import { isExclusionViolation, retryOnDeadlock } from './session-conflict';
import { SessionStore } from './session.store';
import { notAGroupSession, sessionCancelled, sessionFull, sessionNotFound, sessionStarted } from './sessions.errors';
import { SessionsService } from './sessions.service';

/** Seats of group sessions: finding one, taking it, giving it back. */
@Injectable()
export class GroupSeatsService {
  constructor(
    private readonly store: SessionStore,
    private readonly events: DomainEvents,
    private readonly sessions: SessionsService,
  ) {}

  /** A mentee of the mentor: upcoming group sessions of their mentors with a free seat, not yet joined. */
  openGroupSessions(actor: Actor): Promise<SessionResponse[]> {
    return this.store.openGroupSessions(actor.id);
  }

  /** A mentee of the session's mentor takes a free seat of a group session. */
  async join(actor: Actor, id: string): Promise<SessionResponse> {
    if (!isUuid(id)) throw sessionNotFound();
    let range: Interval = { start: 0, end: 0 };
    try {
      await retryOnDeadlock(() =>
        this.store.dataSource.transaction(async (manager) => {
          const s = await this.store.lockGroupSession(manager, id, actor.id);
          if (!s?.mentorship_id) throw sessionNotFound();
          range = { start: s.starts_at.getTime(), end: s.ends_at.getTime() };
          if (s.seat_limit <= 1) throw notAGroupSession();
          if (s.status === SessionStatus.Cancelled) throw sessionCancelled();
          if (s.starts_at.getTime() <= Date.now()) throw sessionStarted();
          const taken = await this.store.seatsTaken(manager, id, actor.id);
          if (taken.mine) return;
          if (taken.n >= s.seat_limit) throw sessionFull(s.seat_limit);
          await this.store.lockPeople(manager, [actor.id]);
          await this.store.takeSeat(manager, id, actor.id, s.mentorship_id, s.starts_at, s.ends_at);
          await this.events.publish(manager, 'session.seat', { sessionId: id, userId: actor.id, joined: true });
        }),
      );
    } catch (e) {
      if (isExclusionViolation(e)) throw await this.store.conflictFor(actor, [actor.id], [range], id);
      throw e;
    }
    return this.sessions.one(actor, id);
  }

  /** A mentee gives their seat of a group session back; the session stays in their calendar as cancelled. */
  async leave(actor: Actor, id: string): Promise<SessionResponse> {
    if (!isUuid(id)) throw sessionNotFound();
    await this.store.dataSource.transaction(async (manager) => {
      const s = await this.store.lockSession(manager, actor, id);
      if (s.my_role !== 'mentee') throw forbidden('The mentor cancels the session instead of leaving it');
      if (s.seat_limit <= 1) throw notAGroupSession();
      if (s.status === SessionStatus.Cancelled) throw sessionCancelled();
      if (s.starts_at.getTime() <= Date.now()) throw sessionStarted();
      await this.store.giveSeatBack(manager, id, actor.id);
      await this.events.publish(manager, 'session.seat', { sessionId: id, userId: actor.id, joined: false });
    });
    return this.sessions.one(actor, id);
  }
}
