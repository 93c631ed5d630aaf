import { MAX_SESSION_MINUTES } from '@pm/contracts';
import type { DomainError } from '@api/common/domain-error';
import { endNotAfterStart, sessionInPast, sessionTooLong } from './sessions.errors';

const MINUTE = 60_000;

/** What is wrong with a new time range, if anything; the same rules for booking and rescheduling alike. */
export function timesProblem(start: number, end: number, now: number): DomainError | null {
  if (end <= start) return endNotAfterStart();
  if (end - start > MAX_SESSION_MINUTES * MINUTE) return sessionTooLong(MAX_SESSION_MINUTES);
  if (start <= now) return sessionInPast();
  return null;
}

/** Checks every new time range the same way, for booking and rescheduling alike. */
export function checkTimes(start: number, end: number, now: number): void {
  const problem = timesProblem(start, end, now);
  if (problem) throw problem;
}
