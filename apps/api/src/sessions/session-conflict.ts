import { QueryFailedError } from 'typeorm';

const EXCLUSION_VIOLATION = '23P01';
const DEADLOCK_DETECTED = '40P01';

const codeOf = (e: unknown): string | undefined => (e instanceof QueryFailedError ? (e.driverError as { code?: string }).code : undefined);

/** PostgreSQL refused a row because an exclusion constraint found an overlapping one. */
export const isExclusionViolation = (e: unknown): boolean => codeOf(e) === EXCLUSION_VIOLATION;

export const isDeadlock = (e: unknown): boolean => codeOf(e) === DEADLOCK_DETECTED;

/**
 * Runs a write, once more after a deadlock: concurrent bookings touching the same people wait on each other's
 * exclusion checks, and PostgreSQL may pick one of them as a deadlock victim; the retry then sees the winner
 * and fails with an ordinary conflict instead of a 500.
 */
export async function retryOnDeadlock<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (e) {
      if (!isDeadlock(e) || i >= attempts) throw e;
    }
  }
}
