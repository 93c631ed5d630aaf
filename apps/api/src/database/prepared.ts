import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A hot statement, prepared once per connection and then only bound and executed. TypeORM's `query()` sends
 * unnamed statements, which PostgreSQL parses and plans on every call: for the guard's, the session list's and
 * the chat's statements the planning cost more than the execution (EXPLAIN ANALYZE in BENCHMARKS.md).
 */
export interface PreparedStatement {
  /** Unique per text: PostgreSQL refuses a second PREPARE of a name on a connection. */
  readonly name: string;
  readonly text: string;
}

const names = new Map<string, string>();

/** Declares a statement once, at module load; the name must be unique in the process. */
export function prepared(name: string, text: string): PreparedStatement {
  const known = names.get(name);
  if (known !== undefined && known !== text) throw new Error(`two prepared statements are named ${name}`);
  names.set(name, text);
  return { name, text };
}

/**
 * Runs a prepared statement on the data source's pool, or on the transaction's connection when given an
 * EntityManager that has one. Errors come back as TypeORM's QueryFailedError, as from `query()`, so callers
 * and the outage detection (database-errors.ts) see one shape.
 */
export async function runPrepared<T extends QueryResultRow>(db: DataSource | EntityManager, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  const config = { name: statement.name, text: statement.text, values };
  try {
    if (db instanceof EntityManager && db.queryRunner) {
      // A transaction's manager used after its transaction ended: TypeORM's query() refuses it, and so do we,
      // rather than run the statement on the pool, outside the transaction the caller meant, and commit it.
      if (db.queryRunner.isReleased) throw new QueryRunnerAlreadyReleasedError();
      const client = (await db.queryRunner.connect()) as PoolClient;
      return (await client.query<T>(config)).rows;
    }
    const source = db instanceof EntityManager ? db.connection : db;
    const pool = (source.driver as PostgresDriver).master as Pool;
    return (await pool.query<T>(config)).rows;
  } catch (e) {
    throw e instanceof Error && !(e instanceof QueryFailedError) && 'severity' in e ? new QueryFailedError(statement.text, values, e) : e;
  }
}
