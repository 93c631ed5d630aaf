import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  DEFAULT_NOTIFICATION_LIMIT,
  type FailedMail,
  type Notification,
  type NotificationKind,
  type NotificationLanguage,
  type NotificationSettings,
  type UnreadNotificationsResponse,
} from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { prepared, runPrepared } from '@api/database/prepared';
import { AppConfig } from '@api/config/app-config';
import { JobsService } from '@api/jobs/jobs.service';
import type { MarkReadDto, NotificationSettingsDto, NotificationsQueryDto } from './dto/notifications.dto';
import { MailTransport } from './mail/mail-transport';
import type { NotificationParams } from './notification.entity';
import { renderNotification } from './render';

export interface NotifyInput {
  kind: NotificationKind;
  recipientIds: string[];
  /** A path of the dashboard the notification opens. */
  link: string;
  /** Its program: times in it are written in the program's time zone. */
  programId?: string;
  /** The template's parameters (see templates/<kind>.ts). Instants as ISO 8601. */
  params: Record<string, string | number | null>;
  /**
   * Names the event: a second notify with the same key stores nothing more for a recipient who has it (a
   * retried job, a second instance). Without one, every call stores new notifications.
   */
  dedupeKey?: string;
}

/** The queue of mails, one job per notification whose id is the notification's. */
export const MAIL_QUEUE = 'notification-mail';
/** The channel on which committed notifications are announced to every instance (see NotificationsPush). */
export const NOTIFICATION_CHANNEL = 'pm_notification';

export interface NotificationRow {
  id: string;
  recipient_id: string;
  kind: NotificationKind;
  params: NotificationParams;
  link: string;
  created_at: Date;
  read_at: Date | null;
  language: NotificationLanguage;
  time_zone: string;
}

/** A notification with what it takes to write it for its recipient: their language, the program's time zone. */
export const NOTIFICATION_SELECT = `
  SELECT n.id, n.recipient_id, n.kind, n.params, n.link, n.created_at, n.read_at,
         COALESCE(s.language::text, 'en') AS language, COALESCE(p.timezone, n.params->>'timeZone', 'UTC') AS time_zone
    FROM notification n
    LEFT JOIN notification_setting s ON s.user_id = n.recipient_id
    LEFT JOIN program p ON p.id = n.program_id`;

export const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  ...renderNotification(r.kind, r.params, r.language, r.time_zone),
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/**
 * Notifications announced per NOTIFY: each is `<id>:<recipient id>` (73 characters and a comma), so 50 stay far
 * below NOTIFY's 8,000-byte payload limit.
 */
const PUSH_CHUNK = 50;

/**
 * Stores one notification per recipient and announces them in the same statement (one round trip fewer in
 * every booking's transaction), prepared once per connection: parsing and planning it cost more than running
 * it (BENCHMARKS.md, issue 17 part six). The announcement names each notification's recipient, so an instance
 * with none of them connected reads nothing back (NotificationsPush). `pushed` must be read by the outer
 * SELECT, or PostgreSQL would skip it.
 */
const STORE = prepared(
  'notification_store',
  `WITH stored AS (
     INSERT INTO notification (recipient_id, kind, program_id, link, params, dedupe_key, mail_status)
     SELECT u.id, $2, $3, $4, $5::jsonb, $6,
            (CASE WHEN $7::boolean AND COALESCE(s.email, true) AND u.deactivated_at IS NULL THEN 'queued' ELSE 'none' END)::notification_mail_status
       FROM app_user u LEFT JOIN notification_setting s ON s.user_id = u.id
      WHERE u.id = ANY($1::uuid[])
     ON CONFLICT ON CONSTRAINT notification_recipient_dedupe_key DO NOTHING
     RETURNING id, recipient_id, mail_status
   ), pushed AS (
     SELECT pg_notify($8, string_agg(id::text || ':' || recipient_id::text, ','))
       FROM (SELECT id, recipient_id, (row_number() OVER () - 1) / $9 AS chunk FROM stored) c GROUP BY chunk
   )
   SELECT id, mail_status FROM stored WHERE (SELECT count(*) FROM pushed) >= 0`,
);

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly mail: MailTransport,
    private readonly config: AppConfig,
  ) {}

  /**
   * Stores one notification per recipient in the caller's transaction (none for a recipient who already has
   * this dedupeKey), queues its mail in the same transaction when the recipient's setting allows and SMTP is
   * configured, and announces it to every instance on commit (NOTIFY is delivered only then), which pushes
   * `notification:new` to the recipient's sockets. Returns the ids of the notifications stored.
   */
  async notify(manager: EntityManager, input: NotifyInput): Promise<string[]> {
    const recipients = [...new Set(input.recipientIds)];
    if (recipients.length === 0 || !this.config.NOTIFICATIONS_ENABLED) return [];
    const rows = await runPrepared<{ id: string; mail_status: string }>(manager, STORE, [
      recipients,
      input.kind,
      input.programId ?? null,
      input.link,
      JSON.stringify(input.params),
      input.dedupeKey ?? null,
      this.mail.enabled,
      NOTIFICATION_CHANNEL,
      PUSH_CHUNK,
    ]);
    if (rows.length === 0) return [];
    const mails = rows.filter((r) => r.mail_status === 'queued').map((r) => ({ id: r.id, data: { notificationId: r.id } }));
    await this.jobs.sendMany(manager, MAIL_QUEUE, mails);
    return rows.map((r) => r.id);
  }

  /** Signed in: their notifications, newest first. */
  async list(actor: Actor, q: NotificationsQueryDto): Promise<Notification[]> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `${NOTIFICATION_SELECT}
        WHERE n.recipient_id = $1
          AND ($2::uuid IS NULL OR (n.created_at, n.id) < (SELECT b.created_at, b.id FROM notification b WHERE b.id = $2 AND b.recipient_id = $1))
        ORDER BY n.created_at DESC, n.id DESC LIMIT $3`,
      [actor.id, q.before ?? null, q.limit ?? DEFAULT_NOTIFICATION_LIMIT],
    );
    return rows.map(toNotification);
  }

  async unread(actor: Actor): Promise<UnreadNotificationsResponse> {
    const rows: Array<{ n: number }> = await this.dataSource.query('SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1 AND read_at IS NULL', [actor.id]);
    return { unread: rows[0]?.n ?? 0 };
  }

  /** Signed in: marks some or all of their own notifications read; ids of other people's change nothing. */
  async markRead(actor: Actor, dto: MarkReadDto): Promise<UnreadNotificationsResponse> {
    if (dto.all === true) {
      await this.dataSource.query('UPDATE notification SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL', [actor.id]);
    } else {
      await this.dataSource.query('UPDATE notification SET read_at = now() WHERE recipient_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL', [actor.id, dto.ids ?? []]);
    }
    return this.unread(actor);
  }

  async settings(actor: Actor): Promise<NotificationSettings> {
    const rows: NotificationSettings[] = await this.dataSource.query('SELECT email, language::text AS language FROM notification_setting WHERE user_id = $1', [actor.id]);
    return rows[0] ?? { email: true, language: 'en' };
  }

  async saveSettings(actor: Actor, dto: NotificationSettingsDto): Promise<NotificationSettings> {
    await this.dataSource.query(
      `INSERT INTO notification_setting (user_id, email, language) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, language = EXCLUDED.language`,
      [actor.id, dto.email, dto.language],
    );
    return this.settings(actor);
  }

  /** Admins: mails that failed for good after every retry, newest first. */
  async failedMails(): Promise<FailedMail[]> {
    const rows: Array<{ id: string; recipient_id: string; email: string; kind: NotificationKind; mail_attempts: number; mail_error: string | null; created_at: Date }> =
      await this.dataSource.query(
        `SELECT n.id, n.recipient_id, u.email, n.kind, n.mail_attempts, n.mail_error, n.created_at
           FROM notification n JOIN app_user u ON u.id = n.recipient_id
          WHERE n.mail_status = 'failed' ORDER BY n.created_at DESC LIMIT 500`,
      );
    return rows.map((r) => ({
      notificationId: r.id,
      recipientId: r.recipient_id,
      recipientEmail: r.email,
      kind: r.kind,
      attempts: r.mail_attempts,
      error: r.mail_error,
      createdAt: r.created_at.toISOString(),
    }));
  }
}
