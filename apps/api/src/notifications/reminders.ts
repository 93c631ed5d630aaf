import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { NotificationKind, type Modality } from '@pm/contracts';
import { AppConfig } from '@api/config/app-config';
import { JobsService, type JobContext } from '@api/jobs/jobs.service';
import { NotificationsService } from './notifications.service';

export const REMINDER_QUEUE = 'session-reminder';

type ReminderJob = {
  sessionId: string;
  leadMinutes: number;
  /** The start it was scheduled for: a job for an earlier start of a moved session does nothing. */
  startsAt: string;
};

/** A UUID derived from the text, so the same reminder queued twice (two instances, a retry) is one job. */
export function keyedUuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/**
 * Reminders as scheduled jobs, one per session and lead (REMINDER_LEAD_MINUTES), keyed by session, lead and
 * start. Queued with the booking in its transaction; a move drops the waiting ones and queues the new time's;
 * a cancellation drops them. When one fires it checks the session again (still scheduled, same start), and
 * its notification's dedupe key makes a second run of the same job notify no one twice.
 */
@Injectable()
export class ReminderScheduler implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.work<ReminderJob>(REMINDER_QUEUE, (job) => this.fire(job), { batchSize: 10, pollingIntervalSeconds: 1, retryLimit: 5, retryDelay: 5 });
  }

  /** Queues the session's reminders whose time has not passed yet (a lead already past is skipped). */
  schedule(manager: EntityManager, sessionId: string, startsAt: Date): Promise<void> {
    return this.scheduleMany(manager, [{ sessionId, startsAt }]);
  }

  /** The reminders of several sessions (a weekly series) in one insert: one round trip, not one per session. */
  async scheduleMany(manager: EntityManager, sessions: Array<{ sessionId: string; startsAt: Date }>): Promise<void> {
    if (!this.config.NOTIFICATIONS_ENABLED) return;
    const now = Date.now();
    const leads = [...new Set(this.config.REMINDER_LEAD_MINUTES)];
    const jobs = sessions.flatMap(({ sessionId, startsAt }) =>
      leads
        .map((lead) => ({ lead, at: new Date(startsAt.getTime() - lead * 60_000) }))
        .filter((r) => r.at.getTime() > now)
        .map((r) => ({
          id: keyedUuid(`reminder:${sessionId}:${r.lead}:${startsAt.toISOString()}`),
          startAfter: r.at,
          data: { sessionId, leadMinutes: r.lead, startsAt: startsAt.toISOString() } satisfies ReminderJob,
        })),
    );
    await this.jobs.sendMany(manager, REMINDER_QUEUE, jobs);
  }

  async drop(manager: EntityManager, sessionId: string): Promise<void> {
    if (!this.config.NOTIFICATIONS_ENABLED) return;
    await this.jobs.dropWaiting(manager, REMINDER_QUEUE, { sessionId });
  }

  private async fire(job: JobContext<ReminderJob>): Promise<void> {
    const { sessionId, leadMinutes, startsAt } = job.data;
    await this.dataSource.transaction(async (manager) => {
      const rows: Array<{ program_id: string; location: string | null; modality: Modality; people: string[] }> = await manager.query(
        `SELECT s.program_id, s.location, s.modality,
                ARRAY(SELECT a.user_id::text FROM session_attendee a WHERE a.session_id = s.id AND a.active) AS people
           FROM mentoring_session s WHERE s.id = $1 AND s.status = 'scheduled' AND s.starts_at = $2 AND s.starts_at > now()`,
        [sessionId, new Date(startsAt)],
      );
      const s = rows[0];
      if (!s) return;
      await this.notifications.notify(manager, {
        kind: NotificationKind.SessionReminder,
        recipientIds: s.people,
        link: `/sessions/${sessionId}`,
        programId: s.program_id,
        params: { startsAt, location: s.location, modality: s.modality, leadMinutes },
        dedupeKey: `session_reminder:${sessionId}:${leadMinutes}:${startsAt}`,
      });
    });
  }
}
