import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationKind, type Modality, type SessionStatus } from '@pm/contracts';
import { AppConfig } from '@api/config/app-config';
import { DomainEvents } from '@api/events/domain-events';
import { NotificationsService } from './notifications.service';
import { ReminderScheduler } from './reminders';

interface SessionFacts {
  id: string;
  program_id: string;
  starts_at: Date;
  ends_at: Date;
  modality: Modality;
  location: string | null;
  sequence: number;
  status: SessionStatus;
  cancel_reason: string | null;
  people: string[];
  actor_name: string;
}

/**
 * Booking, changing and cancelling sessions, told to the other participants (never to the person who did
 * it), and the reminders kept in step. Runs inside the sessions domain's transaction (DomainEvents), so the
 * sessions code knows nothing of notifications or mail.
 */
@Injectable()
export class SessionNotifications implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
    private readonly reminders: ReminderScheduler,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Switched off: the sessions domain's transactions stay exactly as they would be without this module.
    if (!this.config.NOTIFICATIONS_ENABLED) return;
    this.events.on('session.booked', async (manager, e) => {
      const first = e.sessions[0];
      if (!first) return;
      // A weekly series is one booking: one notification about its first session, every occurrence in the invitation.
      await this.notifications.notify(manager, {
        kind: NotificationKind.SessionBooked,
        recipientIds: e.people.filter((id) => id !== e.actorId),
        link: `/sessions/${first.id}`,
        programId: e.programId,
        params: {
          ...this.params({ actor_name: e.actorName, starts_at: first.startsAt, ends_at: first.endsAt, location: e.location, modality: e.modality }),
          sessionIds: e.sessions.map((s) => s.id).join(','),
          count: e.sessions.length,
        },
        dedupeKey: `session_booked:${first.id}`,
      });
      await this.reminders.scheduleMany(manager, e.sessions.map((s) => ({ sessionId: s.id, startsAt: s.startsAt })));
    });
    this.events.on('session.changed', async (manager, e) => {
      const [s] = await this.facts(manager, [e.sessionId], e.actorId);
      if (!s) return;
      await this.notifications.notify(manager, {
        kind: NotificationKind.SessionChanged,
        recipientIds: s.people.filter((id) => id !== e.actorId),
        link: `/sessions/${s.id}`,
        programId: s.program_id,
        params: { ...this.params(s), sessionId: s.id },
        dedupeKey: `session_changed:${s.id}:${s.sequence}`,
      });
      if (e.moved) {
        await this.reminders.drop(manager, s.id);
        await this.reminders.schedule(manager, s.id, s.starts_at);
      }
    });
    this.events.on('session.cancelled', async (manager, e) => {
      const [s] = await this.facts(manager, [e.sessionId], e.actorId);
      if (!s) return;
      await this.notifications.notify(manager, {
        kind: NotificationKind.SessionCancelled,
        recipientIds: e.participantIds.filter((id) => id !== e.actorId),
        link: `/sessions/${s.id}`,
        programId: s.program_id,
        params: { ...this.params(s), sessionId: s.id, reason: s.cancel_reason },
        dedupeKey: `session_cancelled:${s.id}`,
      });
      await this.reminders.drop(manager, s.id);
    });
  }

  private params(s: Pick<SessionFacts, 'actor_name' | 'starts_at' | 'ends_at' | 'location' | 'modality'>): Record<string, string | number | null> {
    return { who: s.actor_name, startsAt: s.starts_at.toISOString(), endsAt: s.ends_at.toISOString(), location: s.location, modality: s.modality };
  }

  private facts(manager: EntityManager, ids: string[], actorId: string): Promise<SessionFacts[]> {
    return manager.query(
      `SELECT s.id, s.program_id, s.starts_at, s.ends_at, s.modality, s.location, s.sequence, s.status, s.cancel_reason,
              ARRAY(SELECT a.user_id::text FROM session_attendee a WHERE a.session_id = s.id AND a.active ORDER BY a.user_id) AS people,
              (SELECT u.full_name FROM app_user u WHERE u.id = $2) AS actor_name
         FROM mentoring_session s WHERE s.id = ANY($1::uuid[]) ORDER BY s.starts_at, s.id`,
      [ids, actorId],
    );
  }
}
