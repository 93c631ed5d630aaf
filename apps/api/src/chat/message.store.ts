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
 *    `created: false`.
 *
 * The statements read nothing of chat_message: they assume the message is new, and the unique index
 * (chat_message_client_id_key) is what finds a resend. A resend fails the statement, which rolls back whole,
 * counter increment included (no gap), and the stored row is then looked up (findByClientIds). Why not look
 * first, in the statement: that lookup is a read of chat_message per message on every send, for the rare
 * resend; and as a prepared statement its plan is made once per connection. Planned while the table was
 * empty (a new deployment, a restore before ANALYZE, autovacuum off), it probed the conversation's seq index
 * and filtered, or scanned the whole table, on every send, and stayed so until statistics changed
 * (BENCHMARKS.md, "Issue 17, part four").
 *
 * APPEND stores one message in ONE statement (one implicit transaction, one round trip): the conversation's
 * counter goes up by one, and the row is inserted, its id computed from the seq (message-id.ts).
 */
export const APPEND = prepared(
  'chat_append',
  `
  WITH bump AS (
    UPDATE conversation SET last_seq = last_seq + 1, last_message_at = clock_timestamp()
     WHERE id = $1
    RETURNING last_seq, last_message_at
  )
  INSERT INTO chat_message (id, conversation_id, seq, sender_id, body, client_message_id, created_at)
  SELECT ${messageIdSql('bump.last_seq')}, $1, bump.last_seq, $2, $3, $4, bump.last_message_at FROM bump
  RETURNING ${MESSAGE_COLUMNS}`,
);

const columnsOf = (alias: string): string =>
  MESSAGE_COLUMNS.split(', ')
    .map((c) => `${alias}.${c}`)
    .join(', ');

/**
 * APPEND_BATCH stores many new messages, of any conversations, in ONE statement: one transaction, one commit,
 * one WAL flush for all of them (group commit; MessageAppender collects the batch). Input n is the message's
 * place in the batch, its arrival order.
 *  1. `fresh`: the first input of each (conversation, sender, clientMessageId); a later copy in the same batch
 *     gets that row back with `created: false`;
 *  2. `locked`: the conversations' rows, locked in id order, so two instances' batches never deadlock;
 *  3. `bump`: each conversation's counter goes up by its count of fresh messages, in one UPDATE;
 *  4. `inserted`: each fresh message gets seq = the old counter + its rank in the batch within its
 *     conversation, in arrival order.
 * A conversation that does not exist gets no row back. A message stored before (a resend) fails the statement
 * on the unique index (see above).
 */
export const APPEND_BATCH = prepared(
  'chat_append_batch',
  `
  WITH input AS (
    SELECT t.conversation_id, t.sender_id, t.body, t.client_message_id, t.n::int AS n
      FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY AS t(conversation_id, sender_id, body, client_message_id, n)
  ), fresh AS (
    SELECT DISTINCT ON (i.conversation_id, i.sender_id, i.client_message_id) i.*
      FROM input i
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
    JOIN inserted x ON x.conversation_id = f.conversation_id AND x.sender_id = f.sender_id AND x.client_message_id = f.client_message_id`,
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
      const [row] = await runPrepared<MessageRow>(this.db, APPEND, params);
      return row ? { row, created: true } : undefined;
    } catch (e) {
      if (!isDuplicateClientId(e)) throw e;
      const [stored] = await this.findByClientIds([input]);
      return stored ? { row: stored, created: false } : undefined;
    }
  }

  /**
   * Stores a batch in one statement (see APPEND_BATCH); the result is in input order, undefined for a message
   * whose conversation does not exist. When the batch holds resends, the statement fails on the unique index:
   * the stored copies are looked up and the others go again as one statement. Throws, storing nothing of what
   * is left, when a message cannot be stored (a resend that another statement committed meanwhile, a row the
   * table refuses): the caller then stores them one by one.
   */
  async appendBatch(inputs: AppendInput[]): Promise<Array<Appended | undefined>> {
    try {
      return await this.appendNew(inputs);
    } catch (e) {
      if (!isDuplicateClientId(e)) throw e;
    }
    const stored = await this.findByClientIds(inputs);
    const key = (conversationId: string, senderId: string, clientMessageId: string): string => `${conversationId} ${senderId} ${clientMessageId}`;
    const byKey = new Map(stored.map((r) => [key(r.conversation_id, r.sender_id, r.client_message_id), r]));
    const rest = inputs.filter((i) => !byKey.has(key(i.conversationId, i.senderId, i.clientMessageId)));
    const appended = rest.length > 0 ? await this.appendNew(rest) : [];
    let next = 0;
    return inputs.map((i) => {
      const row = byKey.get(key(i.conversationId, i.senderId, i.clientMessageId));
      return row ? { row, created: false } : appended[next++];
    });
  }

  private async appendNew(inputs: AppendInput[]): Promise<Array<Appended | undefined>> {
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

  /**
   * The messages already stored under these (conversation, sender, clientMessageId) keys. Not a prepared
   * statement on purpose: planned with the table as it is now, it takes the unique index.
   */
  async findByClientIds(inputs: Array<Pick<AppendInput, 'conversationId' | 'senderId' | 'clientMessageId'>>): Promise<MessageRow[]> {
    return this.db.query(
      `SELECT ${columnsOf('m')}
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS k(conversation_id, sender_id, client_message_id)
         JOIN chat_message m ON m.conversation_id = k.conversation_id AND m.sender_id = k.sender_id AND m.client_message_id = k.client_message_id`,
      [inputs.map((i) => i.conversationId), inputs.map((i) => i.senderId), inputs.map((i) => i.clientMessageId)],
    );
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
