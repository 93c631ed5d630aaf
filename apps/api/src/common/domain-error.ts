import { ErrorCode } from '@pm/contracts';

export { ErrorCode };

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Seconds a client should wait before trying again (429). */
    readonly retryAfterSeconds?: number,
    /** Extra fields of the error body, e.g. `rejected` lines of an import. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}
