import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QUIET_PAIR_DAYS, type ProgramHealth } from '@pm/contracts';

/**
 * Active pairs of a program with no session (not cancelled) in the last QUIET_PAIR_DAYS days, longest quiet first.
 * Kept on its own so the pair-health board can take it over; no access check: callers start with theirs.
 */
@Injectable()
export class QuietPairsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(programId: string): Promise<ProgramHealth['pairsWithoutRecentSession']> {
    const quiet: Array<{ id: string; mentee_name: string; mentor_name: string; last_session_at: Date | null }> = await this.dataSource.query(
      `SELECT m.id, me.full_name AS mentee_name, mo.full_name AS mentor_name,
              (SELECT max(s.starts_at) FROM mentoring_session s WHERE s.mentorship_id = m.id AND s.status <> 'cancelled' AND s.starts_at <= now()) AS last_session_at
         FROM mentorship m JOIN app_user me ON me.id = m.mentee_id JOIN app_user mo ON mo.id = m.mentor_id
        WHERE m.program_id = $1 AND m.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM mentoring_session s WHERE s.mentorship_id = m.id AND s.status <> 'cancelled' AND s.starts_at >= now() - make_interval(days => $2))
        ORDER BY last_session_at NULLS FIRST, me.full_name, m.id`,
      [programId, QUIET_PAIR_DAYS],
    );
    return quiet.map((q) => ({ mentorshipId: q.id, menteeName: q.mentee_name, mentorName: q.mentor_name, lastSessionAt: q.last_session_at?.toISOString() ?? null }));
  }
}
