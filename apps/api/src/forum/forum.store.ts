import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ForumTag } from '@pm/contracts';

/** The relation of a person to a program that the forum cares about. */
export type ForumRole = 'mentee' | 'mentor' | 'coordinator';

export interface ThreadRow {
  id: string;
  program_id: string;
  title: string;
  body: string;
  tags: ForumTag[];
  anonymous: boolean;
  pinned: boolean;
  hidden_at: Date | null;
  accepted_reply_id: string | null;
  accepted_hidden: boolean | null;
  created_at: Date;
  author_id: string;
  author_name: string;
  author_role: ForumRole;
  reply_count: number;
}

export interface ReplyRow {
  id: string;
  thread_id: string;
  body: string;
  hidden_at: Date | null;
  created_at: Date;
  author_id: string;
  author_name: string;
  author_role: ForumRole;
}

export interface ThreadFilter {
  programId: string;
  /** Coordinators see hidden posts (marked as such); students never do. */
  includeHidden: boolean;
  q?: string;
  tag?: ForumTag;
  unanswered?: boolean;
  pinned?: boolean;
  before?: string;
  limit: number;
}

/**
 * Every statement of the forum, in one place. Text is searched after `forum_normalize` (defined in the
 * migration): Arabic and Persian forms of ye and kaf made one, zero-width non-joiners, tatweel and short vowels
 * removed, Persian and Arabic digits made ASCII, lower case. Documents and queries both go through it, so a
 * query typed with an Arabic keyboard finds a post written with a Persian one. Words are indexed twice: as
 * written (`simple`, which is all Persian gets: PostgreSQL has no Persian stemmer) and stemmed (`english`), and
 * a query matches either way. Titles also match by substring (`search_title`, pg_trgm), for the half-typed word.
 */
export const SEARCH_DOC_SQL = (text: string): string =>
  `to_tsvector('simple', forum_normalize(${text})) || to_tsvector('english', forum_normalize(${text}))`;

/** A search as a tsquery: words as written or stemmed (see above), from a query parameter. */
export const TSQUERY = (param: string): string => `(plainto_tsquery('simple', forum_normalize(${param})) || plainto_tsquery('english', forum_normalize(${param})))`;

const AUTHOR_COLUMNS = (alias: string, programExpr: string): string => `
  u.id AS author_id, u.full_name AS author_name,
  CASE WHEN EXISTS (SELECT 1 FROM program_coordinator pc WHERE pc.program_id = ${programExpr} AND pc.user_id = ${alias}.author_id) THEN 'coordinator'
       ELSE COALESCE((SELECT e.role::text FROM enrollment e WHERE e.program_id = ${programExpr} AND e.user_id = ${alias}.author_id), 'mentee') END AS author_role`;

const THREAD_COLUMNS = `
  t.id, t.program_id, t.title, t.body, t.tags, t.anonymous, t.pinned, t.hidden_at, t.accepted_reply_id, t.created_at,
  (SELECT ar.hidden_at IS NOT NULL FROM forum_reply ar WHERE ar.id = t.accepted_reply_id) AS accepted_hidden,
  ${AUTHOR_COLUMNS('t', 't.program_id')},
  (SELECT count(*) FROM forum_reply r WHERE r.thread_id = t.id AND ($2::boolean OR r.hidden_at IS NULL))::int AS reply_count`;

@Injectable()
export class ForumStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listThreads(f: ThreadFilter): Promise<ThreadRow[]> {
    const q = f.q?.trim() ? f.q.trim() : null;
    return this.dataSource.query(
      // The query and the title pattern are written as expressions of the parameter (not a CTE's columns), so
      // the planner sees them as constants and can use the GIN indexes.
      `WITH hits AS (
         SELECT t.id FROM forum_thread t
          WHERE $3::text IS NOT NULL AND t.program_id = $1 AND t.search_doc @@ ${TSQUERY('$3')}
         UNION
         SELECT r.thread_id FROM forum_reply r
          WHERE $3::text IS NOT NULL AND r.search_doc @@ ${TSQUERY('$3')} AND ($2::boolean OR r.hidden_at IS NULL)
         UNION
         SELECT t.id FROM forum_thread t
          WHERE $3::text IS NOT NULL AND char_length($3) >= 3 AND t.program_id = $1
            AND t.search_title LIKE '%' || replace(replace(replace(forum_normalize($3), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
       )
       SELECT ${THREAD_COLUMNS}
         FROM forum_thread t JOIN app_user u ON u.id = t.author_id
        WHERE t.program_id = $1
          AND ($2::boolean OR t.hidden_at IS NULL)
          AND ($3::text IS NULL OR t.id IN (SELECT id FROM hits))
          AND ($4::text IS NULL OR $4 = ANY (t.tags))
          AND (NOT $5::boolean OR NOT EXISTS (SELECT 1 FROM forum_reply r WHERE r.thread_id = t.id AND r.hidden_at IS NULL))
          AND ($6::boolean IS NULL OR t.pinned = $6)
          AND ($7::uuid IS NULL OR (t.created_at, t.id) < (SELECT b.created_at, b.id FROM forum_thread b WHERE b.id = $7 AND b.program_id = $1))
        ORDER BY t.created_at DESC, t.id DESC
        LIMIT $8`,
      [f.programId, f.includeHidden, q, f.tag ?? null, f.unanswered ?? false, f.pinned ?? null, f.before ?? null, f.limit],
    );
  }

  async thread(id: string, includeHidden: boolean, manager: EntityManager = this.dataSource.manager): Promise<ThreadRow | undefined> {
    const rows: ThreadRow[] = await manager.query(
      `SELECT ${THREAD_COLUMNS} FROM forum_thread t JOIN app_user u ON u.id = t.author_id WHERE t.id = $1`,
      [id, includeHidden],
    );
    return rows[0];
  }

  replies(threadId: string, programId: string, includeHidden: boolean): Promise<ReplyRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.thread_id, r.body, r.hidden_at, r.created_at, ${AUTHOR_COLUMNS('r', '$2::uuid')}
         FROM forum_reply r JOIN app_user u ON u.id = r.author_id
        WHERE r.thread_id = $1 AND ($3::boolean OR r.hidden_at IS NULL)
        ORDER BY r.created_at, r.id`,
      [threadId, programId, includeHidden],
    );
  }

  async reply(id: string, programId: string, manager: EntityManager = this.dataSource.manager): Promise<ReplyRow | undefined> {
    const rows: ReplyRow[] = await manager.query(
      `SELECT r.id, r.thread_id, r.body, r.hidden_at, r.created_at, ${AUTHOR_COLUMNS('r', '$2::uuid')}
         FROM forum_reply r JOIN app_user u ON u.id = r.author_id WHERE r.id = $1`,
      [id, programId],
    );
    return rows[0];
  }

  /** Which program a thread or reply belongs to, and which kind of post the id names. */
  async locatePost(id: string): Promise<{ kind: 'thread' | 'reply'; threadId: string; programId: string; hidden: boolean; threadHidden: boolean } | undefined> {
    const rows: Array<{ kind: 'thread' | 'reply'; thread_id: string; program_id: string; hidden: boolean; thread_hidden: boolean }> = await this.dataSource.query(
      `SELECT 'thread' AS kind, t.id AS thread_id, t.program_id, t.hidden_at IS NOT NULL AS hidden, t.hidden_at IS NOT NULL AS thread_hidden
         FROM forum_thread t WHERE t.id = $1
       UNION ALL
       SELECT 'reply', t.id, t.program_id, r.hidden_at IS NOT NULL, t.hidden_at IS NOT NULL
         FROM forum_reply r JOIN forum_thread t ON t.id = r.thread_id WHERE r.id = $1`,
      [id],
    );
    const row = rows[0];
    return row && { kind: row.kind, threadId: row.thread_id, programId: row.program_id, hidden: row.hidden, threadHidden: row.thread_hidden };
  }

  async insertThread(
    manager: EntityManager,
    t: { programId: string; authorId: string; title: string; body: string; tags: ForumTag[]; anonymous: boolean },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO forum_thread (program_id, author_id, title, body, tags, anonymous, search_doc, search_title)
       VALUES ($1, $2, $3::text, $4::text, $5, $6, ${SEARCH_DOC_SQL(`$3::text || ' ' || $4::text`)}, forum_normalize($3::text)) RETURNING id`,
      [t.programId, t.authorId, t.title, t.body, t.tags, t.anonymous],
    );
    return (rows[0] as { id: string }).id;
  }

  async insertReply(manager: EntityManager, r: { threadId: string; authorId: string; body: string }): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO forum_reply (thread_id, author_id, body, search_doc) VALUES ($1, $2, $3::text, ${SEARCH_DOC_SQL('$3::text')}) RETURNING id`,
      [r.threadId, r.authorId, r.body],
    );
    return (rows[0] as { id: string }).id;
  }

  /**
   * Serialises one person's posts (an advisory lock per person, released at commit) and counts those of the
   * last minute, so the limit holds across concurrent requests and API instances.
   */
  async postsInLastMinute(manager: EntityManager, userId: string): Promise<{ count: number; oldest: Date | null }> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('forum-post:' || $1, 0))`, [userId]);
    const rows: Array<{ count: number; oldest: Date | null }> = await manager.query(
      `SELECT count(*)::int AS count, min(created_at) AS oldest FROM (
         SELECT created_at FROM forum_thread WHERE author_id = $1 AND created_at > now() - interval '1 minute'
         UNION ALL
         SELECT created_at FROM forum_reply WHERE author_id = $1 AND created_at > now() - interval '1 minute'
       ) recent`,
      [userId],
    );
    return rows[0] as { count: number; oldest: Date | null };
  }

  /** The author and every replier follow the thread; following again changes nothing. */
  async follow(manager: EntityManager, threadId: string, userId: string): Promise<void> {
    await manager.query(`INSERT INTO forum_watch (thread_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [threadId, userId]);
  }

  /** Followers other than the replier who have not been told of a reply since they last opened the thread. */
  async markNotified(manager: EntityManager, threadId: string, exceptUserId: string): Promise<string[]> {
    // TypeORM answers an UPDATE with [rows, rowCount], not the rows alone.
    const [rows]: [Array<{ user_id: string }>, number] = await manager.query(
      `UPDATE forum_watch SET notified = true WHERE thread_id = $1 AND user_id <> $2 AND NOT notified RETURNING user_id`,
      [threadId, exceptUserId],
    );
    return rows.map((r) => r.user_id);
  }

  async markSeen(threadId: string, userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE forum_watch SET notified = false WHERE thread_id = $1 AND user_id = $2 AND notified`, [threadId, userId]);
  }

  /** Everyone who may read the program's forum: its students and its coordinators. */
  async members(programId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(
      `SELECT user_id FROM enrollment WHERE program_id = $1 UNION SELECT user_id FROM program_coordinator WHERE program_id = $1`,
      [programId],
    );
    return rows.map((r) => r.user_id);
  }

  async coordinators(programId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(`SELECT user_id FROM program_coordinator WHERE program_id = $1`, [programId]);
    return rows.map((r) => r.user_id);
  }
}
