import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ConversationKind } from '@pm/contracts';
import type { MessageRow } from './chat.mapper';
import { isUuid } from '@api/common/uuid';
import { prepared, runPrepared } from '@api/database/prepared';

// Membership is derived from mentorships on every read, never copied: the `conversation_member` view
// (migration ChatMembershipView) says who belongs to each conversation now and whether it takes new messages.
// `mem` aggregates it for one conversation `c`: the mentor first, then the mentees in the order they joined.
const MEMBERS_LATERAL = `CROSS JOIN LATERAL (
   SELECT COALESCE(array_agg(cm.user_id::text ORDER BY cm.is_mentor DESC, cm.since, cm.user_id), '{}') AS member_ids,
          COALESCE(bool_or(cm.open), false) AS open
     FROM conversation_member cm WHERE cm.conversation_id = c.id
 ) mem`;

const MEMBERSHIP = prepared(
  'chat_membership',
  `SELECT c.id, c.kind, c.program_id, c.mentor_id, mem.member_ids, mem.open
     FROM conversation c ${MEMBERS_LATERAL}
    WHERE c.id = $1`,
);

/** A conversation as an access check sees it. */
export interface ConversationMembership {
  id: string;
  kind: ConversationKind;
  programId: string;
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
    const rows = await runPrepared<{ id: string; kind: ConversationKind; program_id: string; mentor_id: string; member_ids: string[]; open: boolean }>(
      this.db,
      MEMBERSHIP,
      [conversationId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return { id: row.id, kind: row.kind, programId: row.program_id, mentorId: row.mentor_id, memberIds: row.member_ids, open: row.open };
  }

  /** The user's conversations, most recently active first, with unread count and last message. */
  async list(userId: string): Promise<ConversationListRow[]> {
    const rows: Array<Omit<ConversationListRow, 'last_message'> & LastMessageColumns> = await this.db.query(
      `SELECT c.id, c.kind, c.program_id, p.name AS program_name, c.mentorship_id, c.mentor_id,
              mem.member_ids, mem.open,
              r.last_read_message_id,
              (SELECT count(*)::int FROM chat_message x
                WHERE x.conversation_id = c.id AND x.seq > COALESCE(r.last_read_seq, 0) AND x.sender_id <> $1) AS unread_count,
              lm.id AS lm_id, lm.seq AS lm_seq, lm.sender_id AS lm_sender_id, lm.body AS lm_body,
              lm.client_message_id AS lm_client_message_id, lm.created_at AS lm_created_at
         FROM conversation_member me
         JOIN conversation c ON c.id = me.conversation_id
         JOIN program p ON p.id = c.program_id
         ${MEMBERS_LATERAL}
         LEFT JOIN conversation_read r ON r.conversation_id = c.id AND r.user_id = $1
         LEFT JOIN LATERAL (
           SELECT x.id, x.seq, x.sender_id, x.body, x.client_message_id, x.created_at
             FROM chat_message x WHERE x.conversation_id = c.id ORDER BY x.seq DESC LIMIT 1
         ) lm ON true
        WHERE me.user_id = $1
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
