import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Modality, type AdjustedEstimate, type DoseResponse, type EvaluationFields, type RandomizedAnalysis } from '@pm/contracts';
import { ancova, simpleRegression, summarizeGroup, welchDifference, type Estimate } from '@pm/stats';

/** A student with both a pre and a post value, as the analysis computed them. */
/** What the evaluation reads from the database. */
export interface EvaluationInputs {
  sessions: Map<string, number>;
  randomized: RandomizedAnalysis | undefined;
}

export interface AnalysedStudent {
  studentKey: string;
  pre: number;
  post: number;
  change: number;
}

const toAdjusted = (e: Estimate): AdjustedEstimate => ({ estimate: e.estimate, ci95: e.ci95, pValue: e.pValue, n: e.n, standardError: e.standardError, df: e.df });

/** The ANCOVA of post on [1, pre, treated] over both groups (contract "Evaluation"). */
export function adjustedEstimate(treated: readonly AnalysedStudent[], control: readonly AnalysedStudent[]): AdjustedEstimate {
  return toAdjusted(
    ancova([
      ...treated.map((s) => ({ pre: s.pre, post: s.post, treated: true })),
      ...control.map((s) => ({ pre: s.pre, post: s.post, treated: false })),
    ]),
  );
}

/**
 * What the contract's "Evaluation" section adds to the outcomes: the baseline-adjusted estimate (overall and per
 * modality), the dose-response slope and, once the program has a lottery, the intention-to-treat comparison.
 * No access check: OutcomesAnalysisService calls this after its own.
 */
@Injectable()
export class EvaluationAnalysisService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The evaluation's own reads, both at once; the caller runs them beside its other reads (see OutcomesAnalysis). */
  async load(programId: string, startsOn: string): Promise<EvaluationInputs> {
    const [sessions, randomized] = await Promise.all([this.sessionsHeldByMentee(programId), this.randomized(programId, startsOn)]);
    return { sessions, randomized };
  }

  evaluate(
    { sessions, randomized }: EvaluationInputs,
    mentored: readonly AnalysedStudent[],
    comparison: readonly AnalysedStudent[],
    modality: ReadonlyMap<string, Modality>,
  ): EvaluationFields {
    const ofModality = (m: Modality) => mentored.filter((s) => modality.get(s.studentKey) === m);
    return {
      adjusted: adjustedEstimate(mentored, comparison),
      adjustedByModality: {
        in_person: adjustedEstimate(ofModality(Modality.InPerson), comparison),
        virtual: adjustedEstimate(ofModality(Modality.Virtual), comparison),
      },
      doseResponse: doseResponse(mentored.map((s) => ({ sessions: sessions.get(s.studentKey) ?? 0, change: s.change }))),
      ...(randomized ? { randomized } : {}),
    };
  }

  /**
   * Per mentee of the program: sessions that have begun, are not cancelled, that the mentee did not leave and
   * was not marked a no-show for (an unmarked session counts: the contract excludes only no-shows).
   */
  async sessionsHeldByMentee(programId: string): Promise<Map<string, number>> {
    const rows: Array<{ email: string; n: number }> = await this.dataSource.query(
      `SELECT u.email, count(*)::int AS n
         FROM session_attendee a
         JOIN mentorship m ON m.id = a.mentorship_id
         JOIN mentoring_session s ON s.id = a.session_id
         JOIN app_user u ON u.id = a.user_id
        WHERE m.program_id = $1 AND a.role = 'mentee' AND a.active AND s.status <> 'cancelled'
          AND s.starts_at <= now() AND a.attendance IS DISTINCT FROM 'no_show'
        GROUP BY u.email`,
      [programId],
    );
    return new Map(rows.map((r) => [r.email, r.n]));
  }

  /**
   * Intention to treat: every mentee in the lottery, by what the lottery said, whatever happened after. Pre and
   * post split at `startsOn` for everyone (the allocation, not a mentorship, marks the start), so this reads
   * its own aggregate rather than the mentored students' exposure windows.
   */
  async randomized(programId: string, startsOn: string): Promise<RandomizedAnalysis | undefined> {
    const allocation: Array<{ id: string; seed: string }> = await this.dataSource.query('SELECT id, seed FROM allocation WHERE program_id = $1', [programId]);
    const a = allocation[0];
    if (!a) return undefined;
    const rows: Array<{ outcome: 'offered' | 'waitlisted'; pre: number | null; post: number | null }> = await this.dataSource.query(
      // One join and one GROUP BY: joining the lottery to a grouped subquery of the records ran 20x slower
      // (10 s against 0.5 s on 100,000 records, bench/outcomes) when the planner re-ran the subquery per mentee.
      `SELECT e.outcome,
              avg(100 * r.score / r.max_score) FILTER (WHERE r.taken_on <  $2) AS pre,
              avg(100 * r.score / r.max_score) FILTER (WHERE r.taken_on >= $2) AS post
         FROM allocation_entry e
         JOIN app_user u ON u.id = e.user_id
         JOIN academic_record r ON r.program_id = $1 AND r.student_email = u.email
        WHERE e.allocation_id = $3
        GROUP BY e.user_id, e.outcome`,
      [programId, startsOn, a.id],
    );
    const arm = (outcome: 'offered' | 'waitlisted'): AnalysedStudent[] =>
      rows
        .filter((r): r is typeof r & { pre: number; post: number } => r.outcome === outcome && r.pre !== null && r.post !== null)
        .map((r, i) => ({ studentKey: `${outcome}${i}`, pre: r.pre, post: r.post, change: r.post - r.pre }));
    const offered = arm('offered');
    const waitlisted = arm('waitlisted');
    const diff = welchDifference(
      offered.map((s) => s.change),
      waitlisted.map((s) => s.change),
    );
    return {
      allocationId: a.id,
      seed: a.seed,
      offered: summarizeGroup(offered),
      waitlisted: summarizeGroup(waitlisted),
      difference: { estimate: diff.estimate, ci95: diff.ci95, pValue: diff.pValue },
      adjusted: adjustedEstimate(offered, waitlisted),
    };
  }
}

/** Least squares of change on sessions held, with the points for the scatter. */
export function doseResponse(points: Array<{ sessions: number; change: number }>): DoseResponse {
  const fit = simpleRegression(
    points.map((p) => p.sessions),
    points.map((p) => p.change),
  );
  // Sorted so that the order carries no information about who is who.
  const sorted = [...points].sort((a, b) => a.sessions - b.sessions || a.change - b.change);
  return { slope: fit.estimate, ci95: fit.ci95, pValue: fit.pValue, n: fit.n, intercept: fit.intercept, points: sorted };
}
