import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { MessageRow, ReadRow } from './chat.mapper';
import { prepared, runPrepared } from '@api/database/prepared';
import { messageIdSql } from './message-id';

const MESSAGE_COLUMNS = 'id, conversation_id, seq, sender_id, body, client_message_id, created_at';

/**
 * What APPEND promises, in both of its forms (one message, or a batch of them in one statement):
 *  - seqs per conversation are handed out in commit order and without gaps: the UPDATE of the conversation's
 *    counter takes its row lock, so a concurrent writer of the same conversation waits there until this
 *    statement commits, then re-reads the counter; no reader can ever see seq n+1 before seq n is visible;
 *  - createdAt never runs backwards within a conversation: it is taken (clock_timestamp()) after the lock;
 *  - a resend (same conversation, sender and clientMessageId) stores nothing and returns the stored row with
 *    `created: false`. Two copies of one resend racing each other from different statements both miss the
 *    lookup (same snapshot); the second then fails on the unique index, which rolls back its whole statement,
 *    counter increment included, and the caller falls back to the one-message form, which finds the first copy.
 *
 * APPEND_SQL stores one message in ONE statement (one implicit transaction, one round trip):
 *  1. `existing`: the message this sender already stored under this clientMessageId, if any;
 *  2. `bump`: otherwise, the conversation's counter goes up by one;
 *  3. `inserted`: the row, its id computed from the seq (message-id.ts).
 */
const APPEND = prepared(
  'chat_append',
  `
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
  SELECT ${MESSAGE_COLUMNS}, false AS created FROM existing`,
);

const columnsOf = (alias: string): string =>
  MESSAGE_COLUMNS.split(', ')
    .map((c) => `${alias}.${c}`)
    .join(', ');

/**
 * APPEND_BATCH stores many messages, of any conversations, in ONE statement: one transaction, one commit,
 * one WAL flush for all of them (group commit; MessageAppender collects the batch). Input n is the message's
 * place in the batch, its arrival order.
 *  1. `existing`: inputs already stored (resends): returned with `created: false`;
 *  2. `fresh`: the first input of each (conversation, sender, clientMessageId) not stored yet; a later copy in
 *     the same batch gets that row back with `created: false`;
 *  3. `locked`: the conversations' rows, locked in id order, so two instances' batches never deadlock;
 *  4. `bump`: each conversation's counter goes up by its count of fresh messages, in one UPDATE;
 *  5. `inserted`: each fresh message gets seq = the old counter + its rank in the batch within its
 *     conversation, in arrival order.
 * A conversation that does not exist gets no row back.
 */
const APPEND_BATCH = prepared(
  'chat_append_batch',
  `
  WITH input AS (
    SELECT t.conversation_id, t.sender_id, t.body, t.client_message_id, t.n::int AS n
      FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY AS t(conversation_id, sender_id, body, client_message_id, n)
  ), existing AS (
    SELECT i.n, ${columnsOf('m')}
      FROM input i JOIN chat_message m
        ON m.conversation_id = i.conversation_id AND m.sender_id = i.sender_id AND m.client_message_id = i.client_message_id
  ), fresh AS (
    SELECT DISTINCT ON (i.conversation_id, i.sender_id, i.client_message_id) i.*
      FROM input i WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.n = i.n)
     ORDER BY i.conversation_id, i.sender_id, i.client_message_id, i.n
  ), ranked AS (
    SELECT f.*, row_number() OVER (PARTITION BY f.conversation_id ORDER BY f.n) AS pos FROM fresh f
  ), counts AS (
    SELECT conversation_id, count(*) AS added FROM fresh GROUP BY conversation_id
  ), locked AS (
    SELECT c.id FROM conversation c WHERE c.id IN (SELECT conversation_id FROM counts) ORDER BY c.id FOR UPDATE
  ), bump AS (
    UPDATE conversation c SET last_seq = c.last_seq + k.added, last_message_at = clock_timestamp()
      FROM counts k, locked l
     WHERE c.id = k.conversation_id AND l.id = k.conversation_id
    RETURNING c.id, c.last_seq - k.added AS base, c.last_message_at
  ), inserted AS (
    INSERT INTO chat_message (id, conversation_id, seq, sender_id, body, client_message_id, created_at)
    SELECT ${messageIdSql('b.base + r.pos')}, r.conversation_id, b.base + r.pos, r.sender_id, r.body, r.client_message_id, b.last_message_at
      FROM ranked r JOIN bump b ON b.id = r.conversation_id
    RETURNING ${MESSAGE_COLUMNS}
  )
  SELECT i.n, ${columnsOf('x')}, f.n = i.n AS created
    FROM input i
    JOIN fresh f ON f.conversation_id = i.conversation_id AND f.sender_id = i.sender_id AND f.client_message_id = i.client_message_id
    JOIN inserted x ON x.conversation_id = f.conversation_id AND x.sender_id = f.sender_id AND x.client_message_id = f.client_message_id
  UNION ALL
  SELECT e.n, ${columnsOf('e')}, false FROM existing e`,
);

interface PgError {
  code?: string;
  constraint?: string;
}

const isDuplicateClientId = (e: unknown): boolean => {
  if (!(e instanceof QueryFailedError)) return false;
  const driver = e.driverError as PgError;
  return driver.code === '23505' && driver.constraint === 'chat_message_client_id_key';
};

export interface Appended {
  row: MessageRow;
  created: boolean;
}

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
  async append(input: AppendInput): Promise<Appended | undefined> {
    const params = [input.conversationId, input.senderId, input.body, input.clientMessageId];
    try {
      const rows = await runPrepared<MessageRow & { created: boolean }>(this.db, APPEND, params);
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

  /**
   * Stores a batch in one statement (see APPEND_BATCH); the result is in input order, undefined for a message
   * whose conversation does not exist. Throws, storing nothing, when any one message cannot be stored (a
   * resend racing another statement, a row the table refuses): the caller then stores them one by one.
   */
  async appendBatch(inputs: AppendInput[]): Promise<Array<Appended | undefined>> {
    const rows = await runPrepared<MessageRow & { n: number; created: boolean }>(this.db, APPEND_BATCH, [
      inputs.map((i) => i.conversationId),
      inputs.map((i) => i.senderId),
      inputs.map((i) => i.body),
      inputs.map((i) => i.clientMessageId),
    ]);
    const results: Array<Appended | undefined> = inputs.map(() => undefined);
    for (const { n, created, ...row } of rows) results[n - 1] = { row, created };
    return results;
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
