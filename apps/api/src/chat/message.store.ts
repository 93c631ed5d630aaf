import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { MessageRow, ReadRow } from './chat.mapper';
import { messageIdSql } from './message-id';

const MESSAGE_COLUMNS = 'id, conversation_id, seq, sender_id, body, client_message_id, created_at';

/**
 * Stores a message in ONE statement (so in one implicit transaction, one round trip):
 *  1. `existing`: the message this sender already stored under this clientMessageId, if any (a resend);
 *  2. `bump`: otherwise, the conversation's counter goes up by one. The UPDATE takes the conversation's row
 *     lock, so a concurrent writer of the same conversation waits here until this statement commits, then
 *     re-reads the counter: seqs are handed out in commit order, without gaps, and no reader can ever see
 *     seq n+1 before seq n is visible;
 *  3. `inserted`: the row, its id computed from the seq (message-id.ts) and its time taken after the lock,
 *     so createdAt never runs backwards within a conversation.
 * Two copies of one resend racing each other both miss `existing` (same snapshot); the second then fails on
 * the unique index, which rolls its counter increment back with it, and `append` returns the first copy.
 */
const APPEND_SQL = `
  WITH existing AS (
    SELECT ${MESSAGE_COLUMNS} FROM chat_message
     WHERE conversation_id = $1 AND sender_id = $2 AND client_message_id = $4
  ), bump AS (
    UPDATE conversation SET last_seq = last_seq + 1, last_message_at = clock_timestamp()
     WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM existing)
    RETURNING last_seq, last_message_at
  ), inserted AS (
    INSERT INTO chat_message (id, conversation_id, seq, sender_id, body, client_message_id, created_at)
    SELECT ${messageIdSql('bump.last_seq')}, $1, bump.last_seq, $2, $3, $4, bump.last_message_at FROM bump
    RETURNING ${MESSAGE_COLUMNS}
  )
  SELECT ${MESSAGE_COLUMNS}, true AS created FROM inserted
  UNION ALL
  SELECT ${MESSAGE_COLUMNS}, false AS created FROM existing`;

interface PgError {
  code?: string;
  constraint?: string;
}

const isDuplicateClientId = (e: unknown): boolean => {
  if (!(e instanceof QueryFailedError)) return false;
  const driver = e.driverError as PgError;
  return driver.code === '23505' && driver.constraint === 'chat_message_client_id_key';
};

export interface AppendInput {
  conversationId: string;
  senderId: string;
  body: string;
  clientMessageId: string;
}

/** The SQL of chat messages and read receipts. Callers have checked membership; nothing here does. */
@Injectable()
export class MessageStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores a message, or finds the one stored earlier under the same clientMessageId (`created: false`). */
  async append(input: AppendInput): Promise<{ row: MessageRow; created: boolean } | undefined> {
    const params = [input.conversationId, input.senderId, input.body, input.clientMessageId];
    try {
      const rows: Array<MessageRow & { created: boolean }> = await this.db.query(APPEND_SQL, params);
      const [first] = rows;
      if (!first) return undefined;
      const { created, ...row } = first;
      return { row, created };
    } catch (e) {
      if (!isDuplicateClientId(e)) throw e;
      const row = await this.findByClientId(input.conversationId, input.senderId, input.clientMessageId);
      return row ? { row, created: false } : undefined;
    }
  }

  async findByClientId(conversationId: string, senderId: string, clientMessageId: string): Promise<MessageRow | undefined> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM chat_message WHERE conversation_id = $1 AND sender_id = $2 AND client_message_id = $3`,
      [conversationId, senderId, clientMessageId],
    );
    return rows[0];
  }

  /** Up to `limit` messages with a seq above `afterSeq`, oldest first. */
  after(conversationId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
    return this.db.query(`SELECT ${MESSAGE_COLUMNS} FROM chat_message WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [
      conversationId,
      afterSeq,
      limit,
    ]);
  }

  /** The `limit` messages just before `beforeSeq` (the newest without it), oldest first. */
  before(conversationId: string, beforeSeq: number | undefined, limit: number): Promise<MessageRow[]> {
    return this.db.query(
      `SELECT * FROM (
         SELECT ${MESSAGE_COLUMNS} FROM chat_message
          WHERE conversation_id = $1 AND ($2::bigint IS NULL OR seq < $2::bigint)
          ORDER BY seq DESC LIMIT $3
       ) page ORDER BY seq`,
      [conversationId, beforeSeq ?? null, limit],
    );
  }

  /**
   * Moves a reader's receipt forward to `messageId` (never backwards) and returns the receipt as stored;
   * undefined when the message is not in the conversation.
   */
  async markRead(conversationId: string, userId: string, messageId: string): Promise<{ receipt: ReadRow; advanced: boolean } | undefined> {
    const rows: Array<ReadRow & { advanced: boolean; found: boolean }> = await this.db.query(
      `WITH target AS (
         SELECT id, seq FROM chat_message WHERE conversation_id = $1 AND id = $3
       ), upsert AS (
         INSERT INTO conversation_read (conversation_id, user_id, last_read_seq, last_read_message_id, read_at)
         SELECT $1, $2, target.seq, target.id, now() FROM target
         ON CONFLICT (conversation_id, user_id) DO UPDATE
           SET last_read_seq = EXCLUDED.last_read_seq, last_read_message_id = EXCLUDED.last_read_message_id, read_at = EXCLUDED.read_at
           WHERE conversation_read.last_read_seq < EXCLUDED.last_read_seq
         RETURNING conversation_id, user_id, last_read_message_id, read_at
       )
       SELECT conversation_id, user_id, last_read_message_id, read_at, true AS advanced, true AS found FROM upsert
       UNION ALL
       SELECT r.conversation_id, r.user_id, r.last_read_message_id, r.read_at, false, EXISTS (SELECT 1 FROM target)
         FROM conversation_read r
        WHERE r.conversation_id = $1 AND r.user_id = $2 AND NOT EXISTS (SELECT 1 FROM upsert)`,
      [conversationId, userId, messageId],
    );
    const [first] = rows;
    if (!first?.found) return undefined;
    const { advanced, found: _found, ...receipt } = first;
    return { receipt, advanced };
  }

  readReceipts(conversationIds: string[]): Promise<ReadRow[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT conversation_id, user_id, last_read_message_id, read_at FROM conversation_read WHERE conversation_id = ANY($1::uuid[])`,
      [conversationIds],
    );
  }
}
