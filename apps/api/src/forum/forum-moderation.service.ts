import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { ForumReport, ForumThread } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { isUuid } from '@api/common/uuid';
import { AuditService } from '@api/audit/audit.service';
import { programNotFound } from '@api/programs/programs.errors';
import type { ReportForumPostDto } from './dto/forum.dto';
import { ForumAccess } from './forum-access';
import { alreadyReported, postNotFound, threadNotFound } from './forum.errors';
import { toThread } from './forum.mapper';
import { ForumStore } from './forum.store';

const EXCERPT = 280;

/** Reports by members; hiding, restoring and pinning by coordinators. */
@Injectable()
export class ForumModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ForumAccess,
    private readonly store: ForumStore,
    private readonly audit: AuditService,
  ) {}

  /** Hides a thread or reply from students (coordinators still see it, marked hidden). */
  async setHidden(actor: Actor, postId: string, hidden: boolean): Promise<{ id: string; hiddenAt: string | null }> {
    const post = await this.coordinatedPost(actor, postId);
    const table = post.kind === 'thread' ? 'forum_thread' : 'forum_reply';
    // The change and its audit record commit together: moderation is always accountable.
    return this.dataSource.transaction(async (manager) => {
      // TypeORM answers an UPDATE with [rows, rowCount].
      const [rows]: [Array<{ hidden_at: Date | null }>, number] = await manager.query(
        `UPDATE ${table} SET hidden_at = CASE WHEN $2 THEN COALESCE(hidden_at, now()) ELSE NULL END WHERE id = $1 RETURNING hidden_at`,
        [postId, hidden],
      );
      await this.audit.record(
        { actorId: actor.id, programId: post.programId, action: hidden ? 'forum.post_hidden' : 'forum.post_restored', details: { postId, kind: post.kind } },
        manager,
      );
      return { id: postId, hiddenAt: rows[0]?.hidden_at?.toISOString() ?? null };
    });
  }

  async pin(actor: Actor, threadId: string, pinned: boolean): Promise<ForumThread> {
    const { thread, viewer } = await this.access.thread(actor, threadId);
    if (!viewer.coordinator) throw threadNotFound();
    await this.dataSource.query(`UPDATE forum_thread SET pinned = $2 WHERE id = $1`, [thread.id, pinned]);
    const updated = await this.store.thread(thread.id, true);
    if (!updated) throw threadNotFound();
    return toThread(updated, viewer);
  }

  /** Any member who can see a post may report it once. */
  async report(actor: Actor, postId: string, dto: ReportForumPostDto): Promise<{ id: string }> {
    const post = isUuid(postId) ? await this.store.locatePost(postId) : undefined;
    if (!post) throw postNotFound();
    const viewer = await this.access.viewerIn(actor, post.programId);
    if (!viewer || (!viewer.coordinator && (post.hidden || post.threadHidden))) throw postNotFound();
    try {
      const rows: Array<{ id: string }> = await this.dataSource.query(
        `INSERT INTO forum_report (program_id, post_id, post_kind, thread_id, reporter_id, reason) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [post.programId, postId, post.kind, post.threadId, actor.id, dto.reason],
      );
      return { id: (rows[0] as { id: string }).id };
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') throw alreadyReported();
      throw e;
    }
  }

  async reports(actor: Actor, programId: string): Promise<ForumReport[]> {
    const viewer = await this.access.viewerIn(actor, programId);
    if (!viewer?.coordinator) throw programNotFound();
    const rows: Array<{
      id: string;
      post_id: string;
      thread_id: string;
      post_kind: 'thread' | 'reply';
      excerpt: string;
      reason: string;
      reporter_id: string;
      reporter_name: string;
      created_at: Date;
      post_hidden_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT f.id, f.post_id, f.thread_id, f.post_kind, f.reason, f.created_at, u.id AS reporter_id, u.full_name AS reporter_name,
              left(COALESCE(r.body, t.title || ' — ' || t.body), ${EXCERPT}) AS excerpt,
              CASE WHEN f.post_kind = 'reply' THEN r.hidden_at ELSE t.hidden_at END AS post_hidden_at
         FROM forum_report f
         JOIN app_user u ON u.id = f.reporter_id
         JOIN forum_thread t ON t.id = f.thread_id
         LEFT JOIN forum_reply r ON f.post_kind = 'reply' AND r.id = f.post_id
        WHERE f.program_id = $1 AND f.dismissed_at IS NULL
        ORDER BY f.created_at DESC
        LIMIT 200`,
      [programId],
    );
    return rows.map((r) => ({
      id: r.id,
      postId: r.post_id,
      threadId: r.thread_id,
      postKind: r.post_kind,
      excerpt: r.excerpt,
      reason: r.reason,
      reporter: { id: r.reporter_id, fullName: r.reporter_name },
      createdAt: r.created_at.toISOString(),
      postHiddenAt: r.post_hidden_at?.toISOString() ?? null,
    }));
  }

  /** A coordinator who judged a report needs no action takes it off the list. */
  async dismiss(actor: Actor, reportId: string): Promise<void> {
    if (!isUuid(reportId)) throw postNotFound();
    const rows: Array<{ program_id: string }> = await this.dataSource.query(`SELECT program_id FROM forum_report WHERE id = $1`, [reportId]);
    const programId = rows[0]?.program_id;
    const viewer = programId ? await this.access.viewerIn(actor, programId) : undefined;
    if (!viewer?.coordinator) throw postNotFound();
    await this.dataSource.query(`UPDATE forum_report SET dismissed_at = COALESCE(dismissed_at, now()) WHERE id = $1`, [reportId]);
  }

  private async coordinatedPost(actor: Actor, postId: string): Promise<{ kind: 'thread' | 'reply'; programId: string }> {
    const post = isUuid(postId) ? await this.store.locatePost(postId) : undefined;
    if (!post) throw postNotFound();
    const viewer = await this.access.viewerIn(actor, post.programId);
    if (!viewer?.coordinator) throw postNotFound();
    return post;
  }
}
