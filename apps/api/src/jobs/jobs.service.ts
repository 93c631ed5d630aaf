import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { prepared, runPrepared, type PreparedStatement } from '@api/database/prepared';

/** Where pg-boss keeps its tables: its own schema, created and migrated by pg-boss itself (see docs/notifications.md). */
export const JOBS_SCHEMA = 'pgboss';

export type JobData = Record<string, unknown>;

export interface JobSendOptions {
  /**
   * A job id (a UUID). Sending the same id twice stores one job: the way to make an enqueue idempotent (a
   * reminder per session and lead, a mail per notification), whichever instance or retry sends it.
   */
  id?: string;
  /** When it may run at the earliest. */
  startAfter?: Date;
  /** With a queue of policy `short`: at most one job of this key waiting at a time (later sends are dropped). */
  singletonKey?: string;
  retryLimit?: number;
  /** Seconds before the first retry; doubled at every further one when `retryBackoff`. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** An active job not finished in this time (its process died) is failed and retried. */
  expireInSeconds?: number;
}

export interface JobContext<T> {
  id: string;
  data: T;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
}

export interface WorkOptions {
  /** Jobs taken per poll and run side by side. */
  batchSize?: number;
  pollingIntervalSeconds?: number;
  /** `short`: at most one waiting job per singleton key. */
  policy?: 'standard' | 'short';
  /** Defaults of the queue's jobs. */
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
}

const statements = new Map<string, PreparedStatement>();

/**
 * pg-boss's statements in the caller's transaction, each prepared once per connection under a name derived from
 * its text. Sending is on the booking's path, and pg-boss's insert, sent unnamed, was parsed and planned on
 * every call, which cost more than running it (BENCHMARKS.md, issue 17 part six). Only the sending statements
 * come here; pg-boss's texts are fixed per schema, so a connection prepares a handful at most.
 */
function preparedDb(manager: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      let statement = statements.get(text);
      if (!statement) {
        statement = prepared(`pgboss_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`, text);
        statements.set(text, statement);
      }
      return { rows: await runPrepared(manager, statement, values ?? []) };
    },
  };
}

interface Registration {
  name: string;
  handler: (job: JobContext<JobData>) => Promise<void>;
  options: WorkOptions;
}

/**
 * The job queue (pg-boss on the application's own PostgreSQL, no other infrastructure). A job sent with the
 * caller's EntityManager is inserted in the caller's transaction: a rolled-back change queues nothing, a
 * committed one is never forgotten. Workers poll with SELECT … FOR UPDATE SKIP LOCKED, so of several API
 * instances exactly one runs each job; a process that dies mid-job leaves it active until it expires, then
 * it is retried. Starts with the application (onApplicationBootstrap) and stops on app.close().
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly registrations = new Map<string, Registration>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly schedules: Array<{ name: string; cron: string; data: JobData; tz?: string }> = [];
  private boss?: PgBoss;
  private starting?: Promise<PgBoss>;
  private stopped = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Registers a handler for a queue; call it from onModuleInit. Workers start once the application has
   * booted. A handler that throws has its job retried (with the queue's backoff) until its retry limit.
   */
  work<T extends JobData>(name: string, handler: (job: JobContext<T>) => Promise<void>, options: WorkOptions = {}): void {
    this.registrations.set(name, { name, handler: handler as (job: JobContext<JobData>) => Promise<void>, options });
  }

  /** A recurring job (cron, in `tz`, default UTC), at most once per slot across instances (pg-boss's own guarantee). */
  schedule(name: string, cron: string, data: JobData = {}, options: { tz?: string } = {}): void {
    this.schedules.push({ name, cron, data, tz: options.tz });
  }

  /**
   * Queues a job; with `manager`, inside the caller's transaction. Returns the job's id, or null when a job
   * with that id (or singleton key, on a `short` queue) was already there.
   */
  async send(name: string, data: JobData, options: JobSendOptions = {}, manager?: EntityManager): Promise<string | null> {
    const boss = await this.ready();
    await this.queue(boss, name);
    const sendOptions: PgBoss.SendOptions = {
      id: options.id,
      startAfter: options.startAfter,
      singletonKey: options.singletonKey,
      retryLimit: options.retryLimit,
      retryDelay: options.retryDelay,
      retryBackoff: options.retryBackoff,
      expireInSeconds: options.expireInSeconds,
    };
    for (const key of Object.keys(sendOptions) as Array<keyof PgBoss.SendOptions>) if (sendOptions[key] === undefined) delete sendOptions[key];
    if (manager) sendOptions.db = preparedDb(manager);
    return boss.send(name, data, sendOptions);
  }

  /** Queues many jobs of one queue in one statement, in the caller's transaction; ids already present are skipped. */
  async sendMany(manager: EntityManager, name: string, jobs: Array<{ data: JobData; id?: string; startAfter?: Date }>): Promise<void> {
    if (jobs.length === 0) return;
    const boss = await this.ready();
    await this.queue(boss, name);
    await boss.insert(
      jobs.map((j) => ({
        name,
        id: j.id,
        data: j.data,
        // Retries and expiry: the queue's (insert() reads them from the queue row).
        startAfter: j.startAfter?.toISOString(),
      })),
      { db: preparedDb(manager) },
    );
  }

  /** Drops the waiting jobs of a queue whose data matches `match` (e.g. a session's reminders), in the caller's transaction. */
  async dropWaiting(manager: EntityManager, name: string, match: Record<string, string>): Promise<number> {
    await this.ready();
    const rows: Array<{ id: string }> = await manager.query(
      `DELETE FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'retry') AND data @> $2::jsonb RETURNING id`,
      [name, JSON.stringify(match)],
    );
    return rows.length;
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = await this.ready();
    for (const r of this.registrations.values()) {
      await this.queue(boss, r.name, r.options);
      await boss.work<JobData>(
        r.name,
        { batchSize: r.options.batchSize ?? 5, pollingIntervalSeconds: r.options.pollingIntervalSeconds ?? 1, includeMetadata: true },
        (jobs) => this.run(boss, r, jobs),
      );
    }
    for (const s of this.schedules) {
      await this.queue(boss, s.name);
      await boss.schedule(s.name, s.cron, s.data, s.tz ? { tz: s.tz } : {});
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    const boss = this.boss ?? (this.starting ? await this.starting.catch(() => undefined) : undefined);
    // Waits for running handlers (bounded), leaves waiting jobs for the next start; the pool is TypeORM's to close.
    if (boss) await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
  }

  /** Runs a batch side by side; each job fails or completes on its own, so one bad job never retries the others. */
  private async run(boss: PgBoss, r: Registration, jobs: Array<PgBoss.JobWithMetadata<JobData>>): Promise<void> {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await r.handler({ id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit });
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          if (job.retryCount >= job.retryLimit) this.logger.warn(`job ${r.name} ${job.id} failed for good: ${message}`);
          await boss.fail(r.name, job.id, { message });
        }
      }),
    );
  }

  private ready(): Promise<PgBoss> {
    if (this.boss) return Promise.resolve(this.boss);
    if (this.stopped) return Promise.reject(new Error('the job queue is stopped'));
    this.starting ??= this.start().catch((e: unknown) => {
      this.starting = undefined;
      throw e;
    });
    return this.starting;
  }

  private async start(): Promise<PgBoss> {
    // The application's own pool: no second set of connections, and outages look the same to both.
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
      schema: JOBS_SCHEMA,
      // Expired active jobs (their process died) are found by this maintenance: every 30 s.
      maintenanceIntervalSeconds: 30,
    });
    boss.on('error', (e: Error) => this.logger.warn(`job queue: ${e.message}`));
    await boss.start();
    this.boss = boss;
    return boss;
  }

  private queue(boss: PgBoss, name: string, options: WorkOptions = this.registrations.get(name)?.options ?? {}): Promise<void> {
    let created = this.queues.get(name);
    if (!created) {
      const settings = {
        retryLimit: options.retryLimit ?? 5,
        retryDelay: options.retryDelay ?? 5,
        retryBackoff: options.retryBackoff ?? true,
        expireInSeconds: options.expireInSeconds ?? 300,
      };
      // createQueue is idempotent (ON CONFLICT DO NOTHING) and safe between instances, but it keeps
      // the first creator's retry settings. The instance that works the queue states them again, so a
      // changed MAIL_RETRY_DELAY_SECONDS takes effect at the next start instead of never.
      const owned = this.registrations.has(name);
      created = boss
        .createQueue(name, { name, policy: options.policy ?? 'standard', ...settings })
        .then(() => (owned ? boss.updateQueue(name, { name, ...settings }) : undefined))
        .catch((e: unknown) => {
          this.queues.delete(name);
          throw e;
        });
      this.queues.set(name, created);
    }
    return created;
  }
}
