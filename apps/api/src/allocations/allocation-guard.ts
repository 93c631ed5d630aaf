import type { EntityManager } from 'typeorm';
import { menteeWaitlisted } from './allocations.errors';

/**
 * Once a program has a lottery, only the mentees it offered a place may be matched in it: the waitlist is the
 * randomized control group. Mentees who joined after the draw were in neither group and are refused too.
 * Called by manual matching inside its transaction (the matching engine's input excludes them already).
 */
export async function assertMayBeMatched(manager: EntityManager, programId: string, menteeId: string): Promise<void> {
  const rows: Array<{ offered: boolean }> = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM allocation_entry e WHERE e.allocation_id = a.id AND e.user_id = $2 AND e.outcome = 'offered') AS offered
       FROM allocation a WHERE a.program_id = $1`,
    [programId, menteeId],
  );
  if (rows.length > 0 && !rows[0].offered) throw menteeWaitlisted();
}

/** SQL condition on an enrolment row `e` (program_id, user_id): true when the mentee may be matched. */
export const MAY_BE_MATCHED_SQL = `(NOT EXISTS (SELECT 1 FROM allocation al WHERE al.program_id = e.program_id)
  OR EXISTS (SELECT 1 FROM allocation_entry ae WHERE ae.program_id = e.program_id AND ae.user_id = e.user_id AND ae.outcome = 'offered'))`;
