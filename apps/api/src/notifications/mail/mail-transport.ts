import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '@api/config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per notification, so a mail handed over twice (a crash right after sending) is one message to clients that dedupe. */
  messageId: string;
  /** An iCalendar invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL). */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  language: string;
  unsubscribeUrl: string;
}

/** nodemailer over SMTP_URL; without it, `enabled` is false and nothing is ever sent. */
@Injectable()
export class MailTransport implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transporter?: Transporter;
  readonly enabled: boolean;

  constructor(private readonly config: AppConfig) {
    this.enabled = config.SMTP_URL !== undefined;
    if (config.SMTP_URL) {
      // A pool of at most 3 connections, reused across mails; nodemailer reads host, port, auth and TLS from the URL.
      // Timeouts well under the mail job's expiry (60 s): a hung server fails the attempt, which is retried,
      // instead of the job expiring while its send may still complete.
      this.transporter = createTransport({
        url: config.SMTP_URL,
        pool: true,
        maxConnections: 3,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      });
    }
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) this.logger.log('SMTP_URL is not set: notifications stay in the dashboard and no mail is sent');
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) return;
    await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'Content-Language': mail.language },
      list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'Notification settings' } },
      icalEvent: mail.calendar ? { method: mail.calendar.method, filename: 'invite.ics', content: mail.calendar.content } : undefined,
    });
  }
}
