import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Modality } from '@pm/contracts';

/**
 * What happened in a domain, told to whoever cares (notifications, reminders) without the domain knowing them.
 * Every event is published inside the transaction that made the change, with its EntityManager, so what a
 * subscriber writes (a notification row, a queued job) commits or rolls back with the change itself.
 */
export interface DomainEventMap {
  /**
   * One or more sessions (a weekly series) were booked by `actorId`. It carries what the booking already knows,
   * so a subscriber need not read it back: a booking's transaction is its hot path (bench/booking).
   */
  'session.booked': {
    actorId: string;
    actorName: string;
    programId: string;
    /** Everyone taking part (the actor among them): the mentor, then the mentees. */
    people: string[];
    modality: Modality;
    location: string | null;
    /** The occurrences in time order: one, or a weekly series. */
    sessions: Array<{ id: string; startsAt: Date; endsAt: Date }>;
  };
  /** Rescheduled (`moved`) or given another room; the session's sequence was raised. */
  'session.changed': { sessionId: string; actorId: string; moved: boolean };
  /** `participantIds`: who was taking part just before (cancelling marks every attendee row inactive). */
  'session.cancelled': { sessionId: string; actorId: string; participantIds: string[] };
  /** A mentee took (`joined`) or gave back a seat of a group session. */
  'session.seat': { sessionId: string; userId: string; joined: boolean };
  /** Mentorships created by a committed matching run or a manual match. */
  'mentorship.created': { mentorshipIds: string[]; actorId: string };
  /** A member joined a conversation (opened it): what was sent before counts as seen by them. */
  'conversation.opened': { conversationId: string; userId: string };
}

export type DomainEventName = keyof DomainEventMap;
export type DomainEventHandler<K extends DomainEventName> = (manager: EntityManager, event: DomainEventMap[K]) => Promise<void>;

@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<DomainEventName, Array<DomainEventHandler<DomainEventName>>>();

  /** Subscribers register in onModuleInit. */
  on<K extends DomainEventName>(name: K, handler: DomainEventHandler<K>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as unknown as DomainEventHandler<DomainEventName>);
    this.handlers.set(name, list);
  }

  /** Runs every subscriber in the caller's transaction, one after the other; a failure rolls the change back. */
  async publish<K extends DomainEventName>(manager: EntityManager, name: K, event: DomainEventMap[K]): Promise<void> {
    for (const handler of this.handlers.get(name) ?? []) await handler(manager, event);
  }

  hasSubscribers(name: DomainEventName): boolean {
    return (this.handlers.get(name)?.length ?? 0) > 0;
  }
}
