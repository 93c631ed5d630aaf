import { join } from 'node:path';
import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// A SQL `date` is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead of a Date at local midnight.
const PG_DATE_OID = 1082;
types.setTypeParser(PG_DATE_OID, (value: string) => value);

/** Options shared by the app, the migration CLI and the tests. Never `synchronize`: migrations only. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    // Globbed so a generated migration is picked up without a hand-kept list; .ts under Jest, .js when built.
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+, so no uuid-ossp extension is needed.
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: POOL_OPTIONS,
  };
}

/**
 * node-postgres pool settings, chosen for a database that can vanish (see docs/architecture.md, "Database
 * outages"): a request never waits long for a connection or a query, and a dead connection is noticed.
 */
export const POOL_OPTIONS = {
  max: 10,
  // Waiting for a connection (a new one, or a free one from a busy pool) ends after 2 s: the request answers
  // 503 instead of hanging when the server is unreachable. A stopped server refuses at once.
  connectionTimeoutMillis: 2_000,
  idleTimeoutMillis: 30_000,
  // TCP keep-alive, so a connection to a host that vanished without closing it is found dead.
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
  // Server-side limits (sent at connect): no statement runs longer than 30 s, no transaction sits idle with
  // its locks for more than 60 s. Migrations lift the first one for their own connection (migrator.ts).
  statement_timeout: 30_000,
  idle_in_transaction_session_timeout: 60_000,
  // Names our connections in pg_stat_activity.
  application_name: 'peer-mentoring-api',
  // No JIT compilation: our statements are short and run often, and on the pair-health board (3,000 pairs)
  // PostgreSQL spent 436 ms compiling a query that then ran in 100 ms (bench/health, BENCHMARKS.md).
  options: '-c jit=off',
} as const;
