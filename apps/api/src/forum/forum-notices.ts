import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationKind } from '@pm/contracts';
import { NotificationsService } from '@api/notifications/notifications.service';
import type { ThreadRow } from './forum.store';

/**
 * The notifications the forum raises, inside the posting transaction so that a rolled-back reply tells no
 * one: a reply tells the thread's author and earlier repliers (`forum_reply`). Who is told was decided by the
 * caller (forum_watch: once per thread until they look); the key makes a retried request store nothing twice.
 */
@Injectable()
export class ForumNotices {
  constructor(private readonly notifications: NotificationsService) {}

  async replied(manager: EntityManager, input: { thread: ThreadRow; replierName: string; recipientIds: string[]; replyId: string }): Promise<void> {
    if (input.recipientIds.length === 0) return;
    const programs: Array<{ name: string }> = await manager.query(`SELECT name FROM program WHERE id = $1`, [input.thread.program_id]);
    await this.notifications.notify(manager, {
      kind: NotificationKind.ForumReply,
      recipientIds: input.recipientIds,
      link: `/forum/threads/${input.thread.id}`,
      programId: input.thread.program_id,
      params: { thread: input.thread.title, replier: input.replierName, program: programs[0]?.name ?? '' },
      dedupeKey: `forum_reply:${input.replyId}`,
    });
  }
}
