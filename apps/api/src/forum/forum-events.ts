import { Injectable, Logger } from '@nestjs/common';
import type { ForumPostEvent } from '@pm/contracts';
import { ChatBroadcaster } from '@api/chat/chat.broadcaster';
import { ForumStore } from './forum.store';

/**
 * Tells the program's members, after the post is committed, that something new is there: `forum:post` on
 * their sockets, on every instance. The event carries ids only, so an anonymous author travels nowhere and a
 * hidden post is never announced as text; a client fetches what it may see.
 */
@Injectable()
export class ForumEvents {
  private readonly logger = new Logger('Forum');

  constructor(
    private readonly store: ForumStore,
    private readonly broadcaster: ChatBroadcaster,
  ) {}

  async posted(programId: string, event: ForumPostEvent): Promise<void> {
    try {
      this.broadcaster.forumPost(await this.store.members(programId), event);
    } catch (e) {
      // The post is stored; a member who missed the live event sees it on their next load.
      this.logger.warn(`forum:post not broadcast: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
