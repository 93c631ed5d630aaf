import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ConversationKind } from '@pm/contracts';
import type { MessageRow } from './chat.mapper';
import { isUuid } from '@api/common/uuid';


// Membership is derived from mentorships on every call, never copied: a pair conversation belongs to its
// mentor and mentee (for good: an ended mentorship stays readable); a group belongs to its mentor and to the
// mentees they mentor in the program right now. `c` is the conversation, `m` its mentorship (pairs only).
const ACTIVE_GROUP_MENTEES = `SELECT g.mentee_id FROM mentorship g
   WHERE g.program_id = c.program_id AND g.mentor_id = c.mentor_id AND g.status = 'active'`;
const MEMBERS_SQL = `CASE WHEN c.kind = 'mentorship' THEN ARRAY[m.mentor_id, m.mentee_id]::text[]
   ELSE (ARRAY[c.mentor_id] || ARRAY(${ACTIVE_GROUP_MENTEES} ORDER BY g.created_at, g.mentee_id))::text[] END`;
const OPEN_SQL = `CASE WHEN c.kind = 'mentorship' THEN m.status = 'active' ELSE EXISTS (${ACTIVE_GROUP_MENTEES}) END`;
const IS_MEMBER_SQL = `((c.kind = 'mentorship' AND $1 IN (m.mentor_id, m.mentee_id))
   OR (c.kind = 'group' AND (c.mentor_id = $1 OR $1 IN (${ACTIVE_GROUP_MENTEES}))))`;

/** A conversation as an access check sees it. */
export interface ConversationMembership {
  id: string;
  kind: ConversationKind;
  mentorId: string;
  /** Everyone who may read it now, the caller included. */
  memberIds: string[];
  /** False once the mentorship ended (or a group has no mentee left): readable, not writable. */
  open: boolean;
}

export interface ConversationListRow {
  id: string;
  kind: ConversationKind;
  program_id: string;
  program_name: string;
  mentorship_id: string | null;
  mentor_id: string;
  member_ids: string[];
  open: boolean;
  last_read_message_id: string | null;
  unread_count: number;
  last_message: MessageRow | null;
}

interface LastMessageColumns {
  lm_id: string | null;
  lm_seq: string | null;
  lm_sender_id: string | null;
  lm_body: string | null;
  lm_client_message_id: string | null;
  lm_created_at: Date | null;
}

/** The SQL of conversations and their membership. */
@Injectable()
export class ConversationStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The conversation with its current members, or undefined when it does not exist. */
  async membership(conversationId: string): Promise<ConversationMembership | undefined> {
    if (!isUuid(conversationId)) return undefined;
    const rows: Array<{ id: string; kind: ConversationKind; mentor_id: string; member_ids: string[]; open: boolean | null }> = await this.db.query(
      `SELECT c.id, c.kind, c.mentor_id, ${MEMBERS_SQL} AS member_ids, ${OPEN_SQL} AS open
         FROM conversation c LEFT JOIN mentorship m ON m.id = c.mentorship_id
        WHERE c.id = $1`,
      [conversationId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return { id: row.id, kind: row.kind, mentorId: row.mentor_id, memberIds: row.member_ids, open: row.open === true };
  }

  /**
   * Creates the conversations the user is entitled to and does not have yet: one per mentorship they are part
   * of, and one per mentor's group of two or more active mentees they belong to. Done when the list is read
   * (and at connect), so no other domain has to know about chat; the unique indexes make it race-free.
   */
  async ensureFor(userId: string): Promise<void> {
    await this.db.query(
      `WITH pairs AS (
         INSERT INTO conversation (kind, program_id, mentorship_id, mentor_id)
         SELECT 'mentorship', m.program_id, m.id, m.mentor_id FROM mentorship m
          WHERE (m.mentee_id = $1 OR m.mentor_id = $1)
            AND NOT EXISTS (SELECT 1 FROM conversation c WHERE c.mentorship_id = m.id)
         ON CONFLICT DO NOTHING
         RETURNING id
       )
       INSERT INTO conversation (kind, program_id, mentor_id)
       SELECT 'group', g.program_id, g.mentor_id FROM mentorship g
        WHERE g.status = 'active'
          AND (g.mentor_id = $1 OR (g.program_id, g.mentor_id) IN (SELECT program_id, mentor_id FROM mentorship WHERE mentee_id = $1 AND status = 'active'))
          AND NOT EXISTS (SELECT 1 FROM conversation c WHERE c.kind = 'group' AND c.program_id = g.program_id AND c.mentor_id = g.mentor_id)
        GROUP BY g.program_id, g.mentor_id
       HAVING count(*) >= 2
       ON CONFLICT DO NOTHING`,
      [userId],
    );
  }

  /** The user's conversations, most recently active first, with unread count and last message. */
  async list(userId: string): Promise<ConversationListRow[]> {
    const rows: Array<Omit<ConversationListRow, 'last_message'> & LastMessageColumns> = await this.db.query(
      `SELECT c.id, c.kind, c.program_id, p.name AS program_name, c.mentorship_id, c.mentor_id,
              ${MEMBERS_SQL} AS member_ids, COALESCE(${OPEN_SQL}, false) AS open,
              r.last_read_message_id,
              (SELECT count(*)::int FROM chat_message x
                WHERE x.conversation_id = c.id AND x.seq > COALESCE(r.last_read_seq, 0) AND x.sender_id <> $1) AS unread_count,
              lm.id AS lm_id, lm.seq AS lm_seq, lm.sender_id AS lm_sender_id, lm.body AS lm_body,
              lm.client_message_id AS lm_client_message_id, lm.created_at AS lm_created_at
         FROM conversation c
         JOIN program p ON p.id = c.program_id
         LEFT JOIN mentorship m ON m.id = c.mentorship_id
         LEFT JOIN conversation_read r ON r.conversation_id = c.id AND r.user_id = $1
         LEFT JOIN LATERAL (
           SELECT x.id, x.seq, x.sender_id, x.body, x.client_message_id, x.created_at
             FROM chat_message x WHERE x.conversation_id = c.id ORDER BY x.seq DESC LIMIT 1
         ) lm ON true
        WHERE ${IS_MEMBER_SQL}
        ORDER BY c.last_message_at DESC NULLS LAST, c.created_at DESC, c.id`,
      [userId],
    );
    return rows.map(({ lm_id, lm_seq, lm_sender_id, lm_body, lm_client_message_id, lm_created_at, ...row }) => ({
      ...row,
      last_message:
        lm_id === null || lm_seq === null || lm_sender_id === null || lm_body === null || lm_client_message_id === null || lm_created_at === null
          ? null
          : { id: lm_id, conversation_id: row.id, seq: lm_seq, sender_id: lm_sender_id, body: lm_body, client_message_id: lm_client_message_id, created_at: lm_created_at },
    }));
  }

  /** Everyone who shares an open conversation with the user: whom their presence concerns. */
  async contactsOf(userId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT DISTINCT other AS id FROM (
         SELECT CASE WHEN m.mentor_id = $1 THEN m.mentee_id ELSE m.mentor_id END AS other
           FROM mentorship m WHERE m.status = 'active' AND $1 IN (m.mentor_id, m.mentee_id)
         UNION
         SELECT g.mentee_id FROM mentorship mine
           JOIN mentorship g ON g.program_id = mine.program_id AND g.mentor_id = mine.mentor_id AND g.status = 'active'
          WHERE mine.mentee_id = $1 AND mine.status = 'active'
       ) t WHERE other <> $1`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  async names(userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: Array<{ id: string; full_name: string }> = await this.db.query(`SELECT id, full_name FROM app_user WHERE id = ANY($1::uuid[])`, [userIds]);
    return new Map(rows.map((r) => [r.id, r.full_name]));
  }
}
