import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationKind } from '@pm/contracts';
import { AppConfig } from '@api/config/app-config';
import { DomainEvents } from '@api/events/domain-events';
import { NotificationsService } from './notifications.service';

/** Members of conversation `c` (with its mentorship `m`), as the chat derives them (conversation.store.ts). */
const MEMBERS = `CASE WHEN c.kind = 'mentorship' THEN ARRAY[m.mentor_id, m.mentee_id]::text[]
   ELSE (ARRAY[c.mentor_id] || ARRAY(SELECT g.mentee_id FROM mentorship g WHERE g.program_id = c.program_id AND g.mentor_id = c.mentor_id AND g.status = 'active'))::text[] END`;

/** A member's unread messages in a conversation `d` (read_seq, seen_at, user_id): to them, after what they read and opened. */
const UNREAD = `msg.conversation_id = d.conversation_id AND msg.seq > d.read_seq AND msg.sender_id::text <> d.user_id
   AND msg.created_at > d.seen_at AND msg.created_at > now() - interval '7 days'`;

/**
 * For each member and conversation: the messages to them sent after what they have read (their receipt) and
 * after they last opened it, the oldest of them older than the delay. The dedupe key names the member's read
 * position, so there is one notification per conversation until they read it; then the next unread message
 * may notify again.
 *
 * The work grows with the conversations active this week, not with their messages: for each member, the
 * conversation's first unread message, found by the (conversation, seq) index, stands for the oldest one (seq
 * follows the order of commits, created_at the start of each transaction: they differ by a transaction's
 * length, against a delay of minutes). Only a member found due and not yet notified has their unread messages
 * counted. Aggregating every unread message of the week first (their count, their last sender) cost 174 ms of
 * sorting over 50,000 unread messages on every sweep, and the chat benchmark's database kept growing it
 * (BENCHMARKS.md, issue 17 part six).
 */
export const DUE = `
  WITH members AS MATERIALIZED (
    SELECT c.id AS conversation_id, c.program_id, member.user_id, COALESCE(r.last_read_seq, 0) AS read_seq,
           COALESCE(sn.seen_at, '-infinity') AS seen_at,
           COALESCE(floor(extract(epoch FROM sn.seen_at) * 1000), 0)::bigint AS seen_ms
      FROM conversation c
      LEFT JOIN mentorship m ON m.id = c.mentorship_id
      CROSS JOIN LATERAL unnest(${MEMBERS}) AS member(user_id)
      LEFT JOIN conversation_read r ON r.conversation_id = c.id AND r.user_id::text = member.user_id
      LEFT JOIN notification_conversation_seen sn ON sn.conversation_id = c.id AND sn.user_id::text = member.user_id
     WHERE c.last_message_at > now() - interval '7 days'
  ), due AS MATERIALIZED (
    SELECT d.*, 'message_unread:' || d.conversation_id || ':' || d.read_seq || ':' || d.seen_ms AS dedupe_key
      FROM members d
      CROSS JOIN LATERAL (SELECT msg.created_at FROM chat_message msg WHERE ${UNREAD} ORDER BY msg.seq LIMIT 1) first
     WHERE first.created_at <= now() - $1 * interval '1 minute'
       AND NOT EXISTS (SELECT 1 FROM notification x WHERE x.recipient_id = d.user_id::uuid
                          AND x.dedupe_key = 'message_unread:' || d.conversation_id || ':' || d.read_seq || ':' || d.seen_ms)
     LIMIT 1000
  )
  SELECT d.conversation_id, d.program_id, d.user_id, n.n, n.sender_name, d.dedupe_key
    FROM due d
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n, (array_agg(u.full_name ORDER BY msg.seq DESC))[1] AS sender_name
        FROM chat_message msg JOIN app_user u ON u.id = msg.sender_id
       WHERE ${UNREAD}
    ) n`;

/**
 * `message_unread`. The message row itself is the durable trigger: a sweep every UNREAD_SWEEP_SECONDS on each
 * instance (one at a time, under an advisory lock) finds what is due, so a committed message cannot be
 * forgotten and a rolled-back one notifies no one, without adding a write to the chat's one-statement send.
 * The notification's unique dedupe key keeps it to one however many instances sweep.
 */
@Injectable()
export class UnreadMessages implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.on('conversation.opened', async (manager, e) => {
      await manager.query(
        `INSERT INTO notification_conversation_seen (conversation_id, user_id, seen_at) VALUES ($1, $2, now())
         ON CONFLICT (conversation_id, user_id) DO UPDATE SET seen_at = EXCLUDED.seen_at`,
        [e.conversationId, e.userId],
      );
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.NOTIFICATIONS_ENABLED) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .then(() => undefined)
        .catch((e: unknown) => this.logger.warn(`unread-message sweep failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => (this.running = undefined));
    }, this.config.UNREAD_SWEEP_SECONDS * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns how many notifications it stored. */
  async sweep(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // JIT off for this transaction: the statement runs in milliseconds, but its estimate (every due member's
      // unread messages counted) is far above jit_above_cost, and PostgreSQL's JIT (on by default) spent half a
      // second of CPU compiling it on every sweep (BENCHMARKS.md, issue 17 part six).
      const lock: Array<{ ok: boolean }> = await manager.query("SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS ok, set_config('jit', 'off', true)", [
        'notifications:unread-sweep',
      ]);
      if (!lock[0]?.ok) return 0;
      const due: Array<{ conversation_id: string; program_id: string; user_id: string; n: number; sender_name: string; dedupe_key: string }> = await manager.query(DUE, [
        this.config.MESSAGE_NOTIFY_DELAY_MINUTES,
      ]);
      let stored = 0;
      for (const d of due) {
        const ids = await this.notifications.notify(manager, {
          kind: NotificationKind.MessageUnread,
          recipientIds: [d.user_id],
          link: `/chat/${d.conversation_id}`,
          programId: d.program_id,
          params: { from: d.sender_name, count: d.n, conversationId: d.conversation_id },
          dedupeKey: d.dedupe_key,
        });
        stored += ids.length;
      }
      return stored;
    });
  }
}
