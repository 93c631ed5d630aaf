/**
 * Telling "the database is not there" apart from a bug. Such errors reach the exception filter (HTTP 503) and
 * the chat runner (ack code UNAVAILABLE) in several shapes: a socket error from connecting (ECONNREFUSED, and
 * an AggregateError of them when a host name has several addresses), pg-pool's connection timeout, a
 * connection the server ended (admin shutdown, crash), or a TypeORM QueryFailedError wrapping one of those.
 */

/**
 * SQLSTATEs that mean the server cannot serve us right now, not that the query was wrong: class 08
 * (connection exception), 57P01-57P03 (shutting down, crashed, still starting or recovering), 53300 (too many
 * connections), 57014 (cancelled, which is how statement_timeout ends a query).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300|57014)$/;

/** Socket errors of a connection that could not be made or was cut. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

/** node-postgres and pg-pool raise these as plain Errors without a code. */
const DRIVER_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const e = error as ErrorLike;
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || NETWORK_CODES.has(e.code))) return true;
  if (typeof e.message === 'string' && DRIVER_MESSAGES.some((m) => (e.message as string).includes(m))) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}

/** PostgreSQL refused a row whose reference is gone (23503), e.g. an account deleted a moment before. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ErrorLike;
  const inner = (typeof e.driverError === 'object' && e.driverError !== null ? e.driverError : e) as ErrorLike;
  return inner.code === '23503';
}

/** What an operator reads in the log: the driver's code and message, never a query's parameters. */
export function describeDatabaseError(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const inner = (typeof e.driverError === 'object' && e.driverError !== null ? e.driverError : e) as ErrorLike;
  const code = typeof inner.code === 'string' ? inner.code : typeof e.code === 'string' ? e.code : undefined;
  const message = typeof inner.message === 'string' && inner.message.length > 0 ? inner.message : error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}

/**
 * Logs an outage once per interval rather than once per refused request or event, which under load would
 * flood the log exactly when an operator is reading it.
 */
export class OutageReporter {
  private lastAt?: number;
  private suppressed = 0;

  constructor(
    private readonly warn: (line: string) => void,
    private readonly what: string,
    private readonly intervalMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  report(error: unknown): void {
    const t = this.now();
    if (this.lastAt !== undefined && t - this.lastAt < this.intervalMs) {
      this.suppressed++;
      return;
    }
    const more = this.suppressed > 0 ? ` (and ${this.suppressed} more since the last report)` : '';
    this.warn(`database unavailable, ${this.what}: ${describeDatabaseError(error)}${more}`);
    this.lastAt = t;
    this.suppressed = 0;
  }
}
