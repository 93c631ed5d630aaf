import { Injectable, Logger, Optional, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PairStatus } from '@pm/contracts';
import { JobsService } from '@api/jobs/jobs.service';
import { RelationshipNotifier } from '../relationship-notifier';
import { PairHealthService } from './pair-health.service';

/** Hourly: a pair goes quiet without anyone reading the board, and its coordinators should hear of it. */
export const HEALTH_SWEEP_JOB = 'relationship.health-sweep';
export const HEALTH_SWEEP_CRON = '7 * * * *';
/** Monday morning (Tehran): the week's summary of the board to each coordinator. */
export const WEEKLY_DIGEST_JOB = 'relationship.weekly-digest';
export const WEEKLY_DIGEST_CRON = '0 8 * * 1';
export const WEEKLY_DIGEST_TZ = 'Asia/Tehran';

@Injectable()
export class PairHealthJobs implements OnModuleInit {
  private readonly logger = new Logger('PairHealthJobs');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly health: PairHealthService,
    private readonly notifier: RelationshipNotifier,
    // Optional so that the domain boots in an application without the job queue (it then relies on board reads).
    @Optional() private readonly jobs?: JobsService,
  ) {}

  onModuleInit(): void {
    if (!this.jobs) return;
    this.jobs.work(HEALTH_SWEEP_JOB, () => this.sweep(), { retryLimit: 2 });
    this.jobs.schedule(HEALTH_SWEEP_JOB, HEALTH_SWEEP_CRON);
    this.jobs.work(WEEKLY_DIGEST_JOB, (job) => this.digest(job.id), { retryLimit: 3 });
    this.jobs.schedule(WEEKLY_DIGEST_JOB, WEEKLY_DIGEST_CRON, {}, { tz: WEEKLY_DIGEST_TZ });
  }

  /** Every program with an active pair: recompute, which records transitions and notifies them once. */
  async sweep(): Promise<void> {
    for (const programId of await this.activePrograms()) {
      try {
        await this.health.refresh(programId);
      } catch (e) {
        this.logger.warn(`sweep of ${programId}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  /** One summary per program to its coordinators; `run` (the job's id) keys it, so a retried job sends nothing twice. */
  async digest(run: string): Promise<void> {
    for (const programId of await this.activePrograms()) {
      const rows = await this.health.refresh(programId);
      const count = (s: PairStatus): number => rows.filter((r) => r.status === s).length;
      await this.dataSource.transaction((manager) =>
        this.notifier.weeklyDigest(manager, { programId, run, pairs: rows.length, atRisk: count(PairStatus.AtRisk), needsCheckIn: count(PairStatus.NeedsCheckIn), onTrack: count(PairStatus.OnTrack) }),
      );
    }
  }

  private async activePrograms(): Promise<string[]> {
    const rows: Array<{ program_id: string }> = await this.dataSource.query(`SELECT DISTINCT program_id FROM mentorship WHERE status = 'active'`);
    return rows.map((r) => r.program_id);
  }
}
