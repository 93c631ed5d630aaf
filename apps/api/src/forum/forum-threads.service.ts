import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FORUM_PAGE_DEFAULT, type ForumThread, type ForumThreadDetail } from '@pm/contracts';
import { AppConfig } from '@api/config/app-config';
import type { Actor } from '@api/common/access.decorators';
import { programNotFound } from '@api/programs/programs.errors';
import type { CreateForumThreadDto, ForumThreadsQueryDto } from './dto/forum.dto';
import { ForumAccess } from './forum-access';
import { ForumEvents } from './forum-events';
import { postingTooFast } from './forum.errors';
import { toReply, toThread } from './forum.mapper';
import { ForumStore } from './forum.store';
import type { EntityManager } from 'typeorm';

/** Asking, listing and searching, and reading a thread. */
@Injectable()
export class ForumThreadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ForumAccess,
    private readonly store: ForumStore,
    private readonly events: ForumEvents,
    private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, programId: string, dto: CreateForumThreadDto): Promise<ForumThread> {
    const viewer = await this.access.viewerIn(actor, programId);
    if (!viewer) throw programNotFound();
    const id = await this.dataSource.transaction(async (manager) => {
      await throttle(this.store, manager, actor.id, this.config.FORUM_POSTS_PER_MINUTE);
      const threadId = await this.store.insertThread(manager, {
        programId,
        authorId: actor.id,
        title: dto.title,
        body: dto.body,
        tags: [...new Set(dto.tags ?? [])],
        anonymous: dto.anonymous ?? false,
      });
      await this.store.follow(manager, threadId, actor.id);
      return threadId;
    });
    await this.events.posted(programId, { threadId: id });
    const row = await this.store.thread(id, viewer.coordinator);
    if (!row) throw new Error('thread vanished after insert');
    return toThread(row, viewer);
  }

  async list(actor: Actor, programId: string, query: ForumThreadsQueryDto): Promise<ForumThread[]> {
    const viewer = await this.access.viewerIn(actor, programId);
    if (!viewer) throw programNotFound();
    const rows = await this.store.listThreads({
      programId,
      includeHidden: viewer.coordinator,
      q: query.q,
      tag: query.tag,
      unanswered: query.unanswered,
      pinned: query.pinned,
      before: query.before,
      limit: query.limit ?? FORUM_PAGE_DEFAULT,
    });
    return rows.map((row) => toThread(row, viewer));
  }

  /** Opening a thread also counts as having seen its replies: the next reply notifies the reader again. */
  async get(actor: Actor, threadId: string): Promise<ForumThreadDetail> {
    const { thread, viewer } = await this.access.thread(actor, threadId);
    const replies = await this.store.replies(thread.id, thread.program_id, viewer.coordinator);
    await this.store.markSeen(thread.id, actor.id);
    return { ...toThread(thread, viewer), replies: replies.map((r) => toReply(r, viewer)) };
  }
}

/** At most `perMinute` threads and replies a minute per person (FORUM_POSTS_PER_MINUTE), counted inside the posting transaction. */
export async function throttle(store: ForumStore, manager: EntityManager, userId: string, perMinute: number): Promise<void> {
  const recent = await store.postsInLastMinute(manager, userId);
  if (recent.count >= perMinute) {
    const freeAt = (recent.oldest?.getTime() ?? Date.now()) + 60_000;
    throw postingTooFast(perMinute, Math.max(1, Math.ceil((freeAt - Date.now()) / 1000)));
  }
}
