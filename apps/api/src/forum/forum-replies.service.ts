import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ForumReply, ForumThread } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { AppConfig } from '@api/config/app-config';
import { isUuid } from '@api/common/uuid';
import type { AcceptForumReplyDto, CreateForumReplyDto } from './dto/forum.dto';
import { ForumAccess } from './forum-access';
import { ForumEvents } from './forum-events';
import { ForumNotices } from './forum-notices';
import { notThreadAuthor, replyNotInThread, threadHidden } from './forum.errors';
import { toReply, toThread } from './forum.mapper';
import { ForumStore } from './forum.store';
import { throttle } from './forum-threads.service';

/** Answering, and marking the answer. */
@Injectable()
export class ForumRepliesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ForumAccess,
    private readonly store: ForumStore,
    private readonly events: ForumEvents,
    private readonly notices: ForumNotices,
    private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, threadId: string, dto: CreateForumReplyDto): Promise<ForumReply> {
    const { thread, viewer } = await this.access.thread(actor, threadId);
    if (thread.hidden_at) throw threadHidden();
    const replyId = await this.dataSource.transaction(async (manager) => {
      await throttle(this.store, manager, actor.id, this.config.FORUM_POSTS_PER_MINUTE);
      const id = await this.store.insertReply(manager, { threadId: thread.id, authorId: actor.id, body: dto.body });
      // The author and earlier repliers hear of it once, until they open the thread again.
      const told = await this.store.markNotified(manager, thread.id, actor.id);
      await this.store.follow(manager, thread.id, actor.id);
      await this.notices.replied(manager, { thread, replierName: actor.fullName, recipientIds: told, replyId: id });
      return id;
    });
    await this.events.posted(thread.program_id, { threadId: thread.id, replyId });
    const row = await this.store.reply(replyId, thread.program_id);
    if (!row) throw new Error('reply vanished after insert');
    return toReply(row, viewer);
  }

  async accept(actor: Actor, threadId: string, dto: AcceptForumReplyDto): Promise<ForumThread> {
    const { thread, viewer } = await this.access.thread(actor, threadId);
    if (thread.author_id !== actor.id && !viewer.coordinator) throw notThreadAuthor();
    const reply = isUuid(dto.replyId) ? await this.store.reply(dto.replyId, thread.program_id) : undefined;
    if (!reply || reply.thread_id !== thread.id || reply.hidden_at) throw replyNotInThread();
    await this.dataSource.query(`UPDATE forum_thread SET accepted_reply_id = $2 WHERE id = $1`, [thread.id, reply.id]);
    const updated = await this.store.thread(thread.id, viewer.coordinator);
    if (!updated) throw new Error('thread vanished');
    return toThread(updated, viewer);
  }
}
