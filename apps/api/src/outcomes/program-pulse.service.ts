import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProgramHealth } from '@pm/contracts';
import { QuietPairsService } from './quiet-pairs.service';

/** The program's pulse beside its outcomes: how many are matched, how often pairs meet, who has gone quiet. */
@Injectable()
export class ProgramPulseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly quietPairs: QuietPairsService,
  ) {}

  /** No access check: the analysis that embeds it has made it. */
  async pulse(programId: string): Promise<ProgramHealth> {
    const counts: Array<{ enrolled: number; matched: number }> = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM enrollment WHERE program_id = $1 AND role = 'mentee') AS enrolled,
              (SELECT count(DISTINCT mentee_id)::int FROM mentorship WHERE program_id = $1 AND status = 'active') AS matched`,
      [programId],
    );
    const weeks: Array<{ week_start: string; in_person: number; virtual: number }> = await this.dataSource.query(
      `SELECT to_char(w.week_start, 'YYYY-MM-DD') AS week_start,
              count(s.id) FILTER (WHERE s.modality = 'in_person')::int AS in_person,
              count(s.id) FILTER (WHERE s.modality = 'virtual')::int AS virtual
         FROM generate_series(date_trunc('week', now()) - interval '7 weeks', date_trunc('week', now()), interval '1 week') AS w(week_start)
         LEFT JOIN mentoring_session s
           ON s.status <> 'cancelled' AND s.starts_at >= w.week_start AND s.starts_at < w.week_start + interval '1 week'
          AND s.mentorship_id IN (SELECT id FROM mentorship WHERE program_id = $1)
        GROUP BY w.week_start ORDER BY w.week_start`,
      [programId],
    );
    const enrolled = counts[0]?.enrolled ?? 0;
    const matched = counts[0]?.matched ?? 0;
    return {
      enrolledMentees: enrolled,
      matchedMentees: matched,
      matchRate: enrolled > 0 ? matched / enrolled : null,
      sessionsPerWeek: weeks.map((w) => ({ weekStart: w.week_start, in_person: w.in_person, virtual: w.virtual })),
      pairsWithoutRecentSession: await this.quietPairs.list(programId),
    };
  }
}
