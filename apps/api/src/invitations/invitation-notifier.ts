import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationKind } from '@pm/contracts';
import { JobsService, type JobContext } from '@api/jobs/jobs.service';
import { NotificationsService } from '@api/notifications/notifications.service';
import { inviteUrl, InvitationTokens } from './invitation-tokens';

export const INVITATION_QUEUE = 'invitation-notify';
/** Invitations per job: a 5,000-row roster becomes 25 jobs, each a short transaction. */
const PER_JOB = 200;

interface InvitationJob extends Record<string, unknown> {
  invitationIds: string[];
  origin: string;
}

/**
 * Tells invited people about their link, off the request's path: the import (or resend) queues jobs in its
 * own transaction, so a rolled-back import announces nothing and a committed one is never forgotten; the
 * worker stores one `invitation` notification per person (mailed when SMTP is configured) and marks the
 * invitation sent. The link is derived again from the invitation's id and generation: the job carries ids,
 * not secrets, and a link replaced by a resend before the job runs is never sent.
 */
@Injectable()
export class InvitationNotifier implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly tokens: InvitationTokens,
  ) {}

  onModuleInit(): void {
    this.jobs.work<InvitationJob>(INVITATION_QUEUE, (job) => this.deliver(job), { batchSize: 2, pollingIntervalSeconds: 1, retryLimit: 5, retryDelay: 5, retryBackoff: true });
  }

  /** Inside the caller's transaction. */
  async announce(manager: EntityManager, invitationIds: readonly string[], origin: string): Promise<void> {
    const jobs = [];
    for (let i = 0; i < invitationIds.length; i += PER_JOB) jobs.push({ data: { invitationIds: invitationIds.slice(i, i + PER_JOB), origin } satisfies InvitationJob });
    await this.jobs.sendMany(manager, INVITATION_QUEUE, jobs);
  }

  async deliver(job: JobContext<InvitationJob>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string; user_id: string; program_id: string | null; generation: number; program_name: string | null }> = await manager.query(
        `SELECT i.id, i.user_id, i.program_id, i.generation, p.name AS program_name
           FROM invitation i LEFT JOIN program p ON p.id = i.program_id
          WHERE i.id = ANY($1::uuid[]) AND i.accepted_at IS NULL AND i.expires_at > now()
          FOR UPDATE OF i`,
        [job.data.invitationIds],
      );
      for (const row of rows) {
        const url = inviteUrl(job.data.origin, await this.tokens.tokenFor(row.id, row.generation));
        await this.notifications.notify(manager, {
          kind: NotificationKind.Invitation,
          recipientIds: [row.user_id],
          link: new URL(url).pathname + new URL(url).search,
          ...(row.program_id ? { programId: row.program_id } : {}),
          params: { program: row.program_name ?? '', url },
          // A retried job stores nothing twice; a resend (a new generation) is a new notice.
          dedupeKey: `invitation:${row.id}:${row.generation}`,
        });
      }
      if (rows.length > 0) await manager.query('UPDATE invitation SET sent_at = now() WHERE id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
    });
  }
}
