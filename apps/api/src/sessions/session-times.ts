import { MAX_SESSION_MINUTES } from '@pm/contracts';
import { endNotAfterStart, sessionInPast, sessionTooLong } from './sessions.errors';

const MINUTE = 60_000;

/** Checks every new time range the same way, for booking and rescheduling alike. */
export function checkTimes(start: number, end: number, now: number): void {
  if (end <= start) throw endNotAfterStart();
  if (end - start > MAX_SESSION_MINUTES * MINUTE) throw sessionTooLong(MAX_SESSION_MINUTES);
  if (start <= now) throw sessionInPast();
}
