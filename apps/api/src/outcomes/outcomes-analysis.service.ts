import { Injectable } from '@nestjs/common';
import { Modality, type OutcomeGroup, type OutcomesResponse, type OutcomeWindow } from '@pm/contracts';
import { interpretCohensD, pearsonCorrelation, summarizeGroup, welchDifference } from '@pm/stats';
import type { Actor } from '@api/common/access.decorators';
import { ProgramAccess } from '@api/programs/program-access.service';
import { DEFAULT_PASS_MARK, OutcomesData, type StudentRow } from './outcomes-data.service';
import { ProgramPulseService } from './program-pulse.service';
import { EvaluationAnalysisService } from './evaluation-analysis.service';

/** Coordinators of the program: the before/after analysis exactly as CONTRACT.md defines it. */
@Injectable()
export class OutcomesAnalysisService {
  constructor(
    private readonly access: ProgramAccess,
    private readonly data: OutcomesData,
    private readonly pulse: ProgramPulseService,
    private readonly evaluation: EvaluationAnalysisService,
  ) {}

  async outcomes(actor: Actor, programId: string): Promise<OutcomesResponse> {
    await this.access.requireCoordinator(actor, programId);
    const startsOn = await this.data.programStart(programId);
    // Independent reads on separate pool connections at once: the call costs about its slowest statement, not the
    // sum of all of them (bench/outcomes, BENCHMARKS.md).
    const [perStudent, mentored, modality, attended, evaluationInputs, health] = await Promise.all([
      this.data.perStudent(programId, startsOn),
      this.data.mentoredEmails(programId),
      this.data.modalityByMentee(programId),
      this.data.attendedByMentee(programId),
      this.evaluation.load(programId, startsOn),
      this.pulse.pulse(programId),
    ]);
    const students = perStudent
      .filter((r): r is typeof r & { pre: number; post: number } => r.pre !== null && r.post !== null)
      .map((r) => ({ studentKey: r.email, pre: r.pre, post: r.post, change: r.post - r.pre }));
    const mentoredStudents = students.filter((s) => mentored.has(s.studentKey));
    const comparisonStudents = students.filter((s) => !mentored.has(s.studentKey));
    const mentoredSummary: OutcomeGroup = summarizeGroup(mentoredStudents);
    const diff = welchDifference(
      mentoredStudents.map((s) => s.change),
      comparisonStudents.map((s) => s.change),
    );
    const rates = (keep: (email: string) => boolean): { pre: number | null; post: number | null } => {
      const rows = perStudent.filter((r) => keep(r.email));
      const sum = (f: (r: (typeof rows)[number]) => number): number => rows.reduce((acc, r) => acc + f(r), 0);
      const preTotal = sum((r) => r.pre_total);
      const postTotal = sum((r) => r.post_total);
      return { pre: preTotal > 0 ? sum((r) => r.pre_passed) / preTotal : null, post: postTotal > 0 ? sum((r) => r.post_passed) / postTotal : null };
    };
    return {
      mentored: mentoredSummary,
      comparison: summarizeGroup(comparisonStudents),
      difference: { estimate: diff.estimate, ci95: diff.ci95, pValue: diff.pValue },
      byModality: {
        in_person: summarizeGroup(mentoredStudents.filter((s) => modality.get(s.studentKey) === Modality.InPerson)),
        virtual: summarizeGroup(mentoredStudents.filter((s) => modality.get(s.studentKey) === Modality.Virtual)),
      },
      changes: { mentored: mentoredStudents.map((s) => s.change), comparison: comparisonStudents.map((s) => s.change) },
      effectSize: { cohensDz: mentoredSummary.cohensDz, reading: interpretCohensD(mentoredSummary.cohensDz) },
      passRates: { passMarkPercent: DEFAULT_PASS_MARK, mentored: rates((e) => mentored.has(e)), comparison: rates((e) => !mentored.has(e)) },
      sessionsVsChange: (({ n, r, pValue, ci95 }) => ({ n, r, pValue, ci95 }))(
        pearsonCorrelation(
          mentoredStudents.map((s) => attended.get(s.studentKey) ?? 0),
          mentoredStudents.map((s) => s.change),
        ),
      ),
      // Contract "Evaluation": adjusted (ANCOVA), adjustedByModality, doseResponse and, after a lottery, randomized.
      ...this.evaluation.evaluate(evaluationInputs, mentoredStudents, comparisonStudents, modality),
      health,
      startsOn,
      records: perStudent.reduce((acc, r) => acc + r.pre_total + r.post_total + r.neither_total, 0),
      windows: {
        mentored: outcomeWindow(startsOn, perStudent.filter((r) => mentored.has(r.email))),
        comparison: outcomeWindow(startsOn, perStudent.filter((r) => !mentored.has(r.email))),
      },
    };
  }
}

/** What one group's before and after windows are, and what they leave out (see OutcomeWindow). */
export function outcomeWindow(startsOn: string, rows: readonly StudentRow[]): OutcomeWindow {
  const starts = rows.map((r) => r.post_from).sort();
  return {
    preBefore: startsOn,
    postFrom: { earliest: starts[0] ?? null, latest: starts[starts.length - 1] ?? null },
    students: rows.length,
    postRecords: rows.reduce((acc, r) => acc + r.post_total, 0),
    recordsInNeither: rows.reduce((acc, r) => acc + r.neither_total, 0),
    studentsWithoutPostAfterStart: rows.filter((r) => r.pre_total > 0 && r.post_total === 0 && r.neither_total > 0).length,
  };
}
