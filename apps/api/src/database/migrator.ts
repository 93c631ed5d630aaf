import { Logger } from '@nestjs/common';
import { MigrationExecutor, type DataSource } from 'typeorm';

// Any constant works; it only has to be the same for every replica of this application.
const MIGRATION_LOCK_KEY = 724_311_905;

/**
 * Runs pending migrations, then `afterwards` (admin and demo seed), under one PostgreSQL advisory lock so
 * that replicas starting together neither race on the schema nor seed twice.
 */
export async function migrateAndSeed(dataSource: DataSource, afterwards: () => Promise<void> = async () => undefined): Promise<void> {
  const logger = new Logger('Migrations');
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    // On the connection that holds the lock, and without the pool's statement_timeout: building an index on a
    // large table may take longer than any request should.
    await lockRunner.query('SET statement_timeout = 0');
    const executor = new MigrationExecutor(dataSource, lockRunner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    if (applied.length > 0) logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
    await afterwards();
  } finally {
    await lockRunner.query('RESET statement_timeout').catch(() => undefined);
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}
