import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@api/config/app-config';
import { JobsService, type JobContext } from '@api/jobs/jobs.service';
import { MAIL_QUEUE, NOTIFICATION_SELECT, type NotificationRow } from '../notifications.service';
import { renderNotification } from '../render';
import { InvitationCalendar } from './invitation-calendar';
import { mailContent } from './mail-content';
import { MailTransport } from './mail-transport';

/** Attempts in all: the first and this many retries, `MAIL_RETRY_DELAY_SECONDS` apart and doubling. */
export const MAIL_RETRIES = 5;

type MailRow = NotificationRow & { email: string; full_name: string; mail_status: string; email_on: boolean | null };

/**
 * Sends each queued notification's mail (job id = notification id, so one job per notification whichever
 * instance queued it). A mail marked sent is never sent again; a failure is retried with backoff, and after
 * the last attempt recorded as failed on the notification, where admins see it (GET /api/admin/failed-mails).
 */
@Injectable()
export class MailWorker implements OnModuleInit {
  private readonly logger = new Logger('Mail');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly transport: MailTransport,
    private readonly invites: InvitationCalendar,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.work<{ notificationId: string }>(MAIL_QUEUE, (job) => this.deliver(job), {
      batchSize: 10,
      pollingIntervalSeconds: 0.5,
      retryLimit: MAIL_RETRIES,
      retryDelay: this.config.MAIL_RETRY_DELAY_SECONDS,
      retryBackoff: true,
      // A process killed mid-send leaves the job active; after this it is retried elsewhere.
      expireInSeconds: 60,
    });
  }

  async deliver(job: JobContext<{ notificationId: string }>): Promise<void> {
    const rows: MailRow[] = await this.dataSource.query(
      `SELECT x.*, u.email, u.full_name, n2.mail_status, s2.email AS email_on
         FROM (${NOTIFICATION_SELECT} WHERE n.id = $1) x
         JOIN notification n2 ON n2.id = x.id
         JOIN app_user u ON u.id = x.recipient_id
         LEFT JOIN notification_setting s2 ON s2.user_id = x.recipient_id`,
      [job.data.notificationId],
    );
    const row = rows[0];
    // Gone (the account was erased) or already handed over: nothing to do.
    if (!row || row.mail_status !== 'queued' || !this.transport.enabled) return;
    if (row.email_on === false) {
      await this.dataSource.query(`UPDATE notification SET mail_status = 'none' WHERE id = $1`, [row.id]);
      return;
    }
    const origin = (this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`).replace(/\/+$/, '');
    const rendered = renderNotification(row.kind, row.params, row.language, row.time_zone);
    const content = mailContent(rendered, row.language, `${origin}${row.link}`, `${origin}/notifications/settings`);
    try {
      const calendar = await this.invites.forNotification(row.kind, row.params, { id: row.recipient_id, email: row.email, name: row.full_name });
      await this.transport.send({
        to: row.email,
        ...content,
        messageId: `<${row.id}@peer-mentoring>`,
        calendar,
        language: row.language,
        unsubscribeUrl: `${origin}/notifications/settings`,
      });
    } catch (e) {
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
      const final = job.retryCount >= job.retryLimit;
      await this.dataSource.query(`UPDATE notification SET mail_attempts = mail_attempts + 1, mail_error = $2, mail_status = $3::notification_mail_status WHERE id = $1`, [
        row.id,
        message,
        final ? 'failed' : 'queued',
      ]);
      if (final) this.logger.error(`mail of notification ${row.id} to user ${row.recipient_id} failed after ${job.retryCount + 1} attempts: ${message}`);
      throw e;
    }
    await this.dataSource.query(`UPDATE notification SET mail_status = 'sent', mailed_at = now(), mail_attempts = mail_attempts + 1, mail_error = NULL WHERE id = $1`, [row.id]);
  }
}
