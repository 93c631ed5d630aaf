import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AllocationStratification, OutcomesResponse } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { programNotFound } from '@api/programs/programs.errors';
import { OutcomesAnalysisService } from '../outcomes-analysis.service';
import type { ReportData, ReportFlow, ReportLanguage, ReportSurveyItem } from './report-model';
import { renderReport } from './report-renderer';

/** Coordinators of the program: the printable evaluation report (contract "Evaluation"). */
@Injectable()
export class OutcomesReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analysis: OutcomesAnalysisService,
  ) {}

  async html(actor: Actor, programId: string, lang: ReportLanguage): Promise<string> {
    return renderReport(await this.data(actor, programId), lang);
  }

  /** Everything the report shows. The analysis call makes the coordinator check first. */
  async data(actor: Actor, programId: string): Promise<ReportData> {
    const outcomes = await this.analysis.outcomes(actor, programId);
    const programs: Array<{ name: string; starts_on: string; ends_on: string; today: string }> = await this.dataSource.query(
      `SELECT name, starts_on, ends_on, to_char((now() AT TIME ZONE timezone)::date, 'YYYY-MM-DD') AS today FROM program WHERE id = $1`,
      [programId],
    );
    const program = programs[0];
    if (!program) throw programNotFound();
    const { allocation, flow } = await this.flow(programId, outcomes);
    return {
      program: { name: program.name, startsOn: program.starts_on, endsOn: program.ends_on },
      generatedOn: program.today,
      outcomes,
      allocation,
      flow,
      surveys: await this.surveys(programId),
    };
  }

  private async flow(programId: string, outcomes: OutcomesResponse): Promise<{ allocation: ReportData['allocation']; flow: ReportFlow }> {
    const counts: Array<{ enrolled: number; matched: number; in_records: number }> = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM enrollment WHERE program_id = $1 AND role = 'mentee') AS enrolled,
              (SELECT count(DISTINCT mentee_id)::int FROM mentorship WHERE program_id = $1) AS matched,
              (SELECT count(DISTINCT r.student_email)::int FROM academic_record r WHERE r.program_id = $1
                  AND r.student_email NOT IN (SELECT u.email FROM mentorship m JOIN app_user u ON u.id = m.mentee_id WHERE m.program_id = $1)) AS in_records`,
      [programId],
    );
    const c = counts[0] ?? { enrolled: 0, matched: 0, in_records: 0 };
    const r = outcomes.randomized;
    const allocations: Array<{ seed: string; places: number; stratify_by: AllocationStratification; drawn_on: string; offered: number; waitlisted: number; offered_matched: number; waitlisted_matched: number }> =
      await this.dataSource.query(
        `SELECT a.seed, a.places, a.stratify_by, to_char((a.created_at AT TIME ZONE p.timezone)::date, 'YYYY-MM-DD') AS drawn_on,
                count(*) FILTER (WHERE e.outcome = 'offered')::int AS offered,
                count(*) FILTER (WHERE e.outcome = 'waitlisted')::int AS waitlisted,
                count(*) FILTER (WHERE e.outcome = 'offered' AND EXISTS (SELECT 1 FROM mentorship m WHERE m.program_id = a.program_id AND m.mentee_id = e.user_id))::int AS offered_matched,
                count(*) FILTER (WHERE e.outcome = 'waitlisted' AND EXISTS (SELECT 1 FROM mentorship m WHERE m.program_id = a.program_id AND m.mentee_id = e.user_id))::int AS waitlisted_matched
           FROM allocation a JOIN program p ON p.id = a.program_id JOIN allocation_entry e ON e.allocation_id = a.id
          WHERE a.program_id = $1
          GROUP BY a.id, p.timezone`,
        [programId],
      );
    const a = allocations[0];
    if (a && r) {
      return {
        allocation: {
          seed: a.seed,
          places: a.places,
          stratifyBy: a.stratify_by,
          drawnOn: a.drawn_on,
          offeredNotMatched: a.offered - a.offered_matched,
          waitlistedMatched: a.waitlisted_matched,
        },
        flow: {
          top: [
            { step: 'enrolled', n: c.enrolled },
            { step: 'inLottery', n: a.offered + a.waitlisted },
          ],
          columns: [
            {
              arm: 'offered',
              boxes: [
                { step: 'allocated', n: a.offered },
                { step: 'matched', n: a.offered_matched },
                { step: 'withPrePost', n: r.offered.n },
                { step: 'analysed', n: r.offered.n },
              ],
            },
            {
              arm: 'waitlisted',
              boxes: [
                { step: 'allocated', n: a.waitlisted },
                { step: 'matched', n: a.waitlisted_matched },
                { step: 'withPrePost', n: r.waitlisted.n },
                { step: 'analysed', n: r.waitlisted.n },
              ],
            },
          ],
        },
      };
    }
    return {
      allocation: null,
      flow: {
        top: [{ step: 'enrolled', n: c.enrolled }],
        columns: [
          {
            arm: 'mentored',
            boxes: [
              { step: 'matched', n: c.matched },
              { step: 'withPrePost', n: outcomes.mentored.n },
              { step: 'analysed', n: outcomes.mentored.n },
            ],
          },
          {
            arm: 'comparison',
            boxes: [
              { step: 'inRecords', n: c.in_records },
              { step: 'withPrePost', n: outcomes.comparison.n },
              { step: 'analysed', n: outcomes.comparison.n },
            ],
          },
        ],
      },
    };
  }

  /** Per item: end-of-program and baseline means, and the change of those who answered both waves. */
  private async surveys(programId: string): Promise<ReportData['surveys']> {
    const items: Array<{ id: string; key: string; text: string; active: boolean; n: number; mean: number | null; baseline_n: number; baseline_mean: number | null; paired_n: number; paired_change: number | null }> =
      await this.dataSource.query(
        `WITH answers AS (
           SELECT a.item_id, r.respondent_id, r.kind, a.value FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
            WHERE r.program_id = $1 AND r.kind IN ('end', 'baseline')
         ), paired AS (
           SELECT e.item_id, count(*)::int AS n, avg(e.value - b.value)::float8 AS change
             FROM answers e JOIN answers b ON b.item_id = e.item_id AND b.respondent_id = e.respondent_id AND b.kind = 'baseline'
            WHERE e.kind = 'end' GROUP BY e.item_id
         )
         SELECT i.id, i.key, i.text, i.active,
                count(x.value) FILTER (WHERE x.kind = 'end')::int AS n, avg(x.value) FILTER (WHERE x.kind = 'end')::float8 AS mean,
                count(x.value) FILTER (WHERE x.kind = 'baseline')::int AS baseline_n, avg(x.value) FILTER (WHERE x.kind = 'baseline')::float8 AS baseline_mean,
                coalesce(max(p.n), 0)::int AS paired_n, max(p.change) AS paired_change
           FROM survey_item i LEFT JOIN answers x ON x.item_id = i.id LEFT JOIN paired p ON p.item_id = i.id
          WHERE i.program_id = $1
          GROUP BY i.id ORDER BY i.position, i.key`,
        [programId],
      );
    const respondents: Array<{ end_n: number; baseline_n: number }> = await this.dataSource.query(
      `SELECT count(DISTINCT respondent_id) FILTER (WHERE kind = 'end')::int AS end_n, count(DISTINCT respondent_id) FILTER (WHERE kind = 'baseline')::int AS baseline_n
         FROM survey_response WHERE program_id = $1`,
      [programId],
    );
    const toItem = (i: (typeof items)[number]): ReportSurveyItem => ({
      key: i.key,
      text: i.text,
      n: i.n,
      mean: i.mean,
      baselineN: i.baseline_n,
      baselineMean: i.baseline_mean,
      pairedN: i.paired_n,
      pairedChange: i.paired_change,
    });
    return {
      respondents: respondents[0]?.end_n ?? 0,
      baselineRespondents: respondents[0]?.baseline_n ?? 0,
      items: items.filter((i) => i.active || i.n > 0 || i.baseline_n > 0).map(toItem),
    };
  }
}
