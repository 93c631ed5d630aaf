import { Injectable } from '@nestjs/common';
import type { SessionResponse } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { isUuid } from '@api/common/uuid';
import type { MySessionsQueryDto } from './dto/sessions.dto';
import { SessionStore } from './session.store';
import { sessionNotFound } from './sessions.errors';

/**
 * Reading sessions as a participant sees them. The changes live in their own use-case services: booking
 * (booking.service.ts), cancelling and rescheduling (session-changes.service.ts), group seats
 * (group-seats.service.ts), attendance (attendance.service.ts); every statement is in session.store.ts.
 */
@Injectable()
export class SessionsService {
  constructor(private readonly store: SessionStore) {}

  /** Signed in: the caller's sessions, as mentor or mentee, oldest first; cancelled ones included. */
  mine(actor: Actor, q: MySessionsQueryDto): Promise<SessionResponse[]> {
    // As instants, not the strings sent: PostgreSQL refuses some ISO 8601 texts JavaScript reads fine (year 0000, an offset
    // past 15:59), which answered 500.
    return this.store.mine(
      actor.id,
      q.from === undefined ? null : new Date(Date.parse(q.from)),
      q.to === undefined ? null : new Date(Date.parse(q.to)),
      q.status ?? null,
    );
  }

  /** A participant of the session (a mentee who left a group session included). */
  async one(actor: Actor, id: string): Promise<SessionResponse> {
    if (!isUuid(id)) throw sessionNotFound();
    const session = await this.store.one(id, actor.id);
    if (!session) throw sessionNotFound();
    return session;
  }
}
