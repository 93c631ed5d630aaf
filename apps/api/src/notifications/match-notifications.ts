import { Injectable, type OnModuleInit } from '@nestjs/common';
import { NotificationKind } from '@pm/contracts';
import { DomainEvents } from '@api/events/domain-events';
import { NotificationsService } from './notifications.service';

/** `match_made` to the mentee and the mentor of every new mentorship (a committed run or a manual match). */
@Injectable()
export class MatchNotifications implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.events.on('mentorship.created', async (manager, e) => {
      if (e.mentorshipIds.length === 0) return;
      // The pair's conversation is made now (the chat would make it on first listing anyway; the unique index
      // keeps it one), so the notification can link straight to it.
      await manager.query(
        `INSERT INTO conversation (kind, program_id, mentorship_id, mentor_id)
         SELECT 'mentorship', m.program_id, m.id, m.mentor_id FROM mentorship m WHERE m.id = ANY($1::uuid[])
         ON CONFLICT DO NOTHING`,
        [e.mentorshipIds],
      );
      const pairs: Array<{ id: string; program_id: string; program_name: string; mentor_id: string; mentor_name: string; mentee_id: string; mentee_name: string; conversation_id: string | null }> =
        await manager.query(
          `SELECT m.id, m.program_id, p.name AS program_name, m.mentor_id, mo.full_name AS mentor_name, m.mentee_id, me.full_name AS mentee_name,
                  (SELECT c.id FROM conversation c WHERE c.mentorship_id = m.id) AS conversation_id
             FROM mentorship m JOIN program p ON p.id = m.program_id
             JOIN app_user mo ON mo.id = m.mentor_id JOIN app_user me ON me.id = m.mentee_id
            WHERE m.id = ANY($1::uuid[])`,
          [e.mentorshipIds],
        );
      for (const m of pairs) {
        const link = m.conversation_id ? `/chat/${m.conversation_id}` : '/chat';
        const base = { kind: NotificationKind.MatchMade, link, programId: m.program_id, dedupeKey: `match_made:${m.id}` };
        await this.notifications.notify(manager, { ...base, recipientIds: [m.mentee_id], params: { other: m.mentor_name, role: 'mentee', program: m.program_name } });
        await this.notifications.notify(manager, { ...base, recipientIds: [m.mentor_id], params: { other: m.mentee_name, role: 'mentor', program: m.program_name } });
      }
    });
  }
}
