import type { EvaluationFields } from './evaluation';

export interface ImportResponse {
  /** New records stored by this import (0 when the same file is imported again). */
  imported: number;
  /** Existing records whose score this import corrected. */
  updated: number;
  /** Rows identical to a record already stored. */
  unchanged: number;
  /** Data rows in the file. */
  rows: number;
  /** True when nothing was stored: `?dryRun=true` validates and counts what an import would do. */
  dryRun: boolean;
  /**
   * Emails of the file that match no account, with their lines (the header is line 1), at most
   * IMPORT_UNKNOWN_EMAILS_SHOWN of them: classmates outside the platform belong in the comparison group, but a
   * mistyped mentee email lands there too. `unknownEmailCount` counts them all.
   */
  unknownEmails: Array<{ email: string; lines: number[] }>;
  unknownEmailCount: number;
  /** Mentees enrolled in the program with no record in the file nor stored: often the other half of a typo. */
  menteesWithoutRecords: Array<{ userId: string; fullName: string; email: string }>;
}

export const IMPORT_UNKNOWN_EMAILS_SHOWN = 200;

export interface ImportRejectedBody {
  statusCode: 422;
  error: string;
  message: string;
  rejected: Array<{ line: number; error: string; code?: ImportLineCode }>;
}

/** Why a line was refused, where the dashboard words it itself; other lines carry only the English `error`. */
export type ImportLineCode = 'staff_account';

export interface AcademicRecordResponse {
  id: string;
  programId: string;
  programName: string;
  studentEmail: string;
  assessment: string;
  takenOn: string;
  score: number;
  maxScore: number;
  /** 100 * score / max_score */
  value: number;
}

export interface OutcomeGroup {
  n: number;
  preMean: number | null;
  postMean: number | null;
  meanChange: number | null;
  sdChange: number | null;
  ci95: [number, number] | null;
  cohensDz: number | null;
  tStatistic: number | null;
  pValue: number | null;
}

export interface OutcomeDifference {
  estimate: number | null;
  ci95: [number, number] | null;
  pValue: number | null;
}

/** With the evaluation fields (adjusted, doseResponse, randomized): contract "Evaluation", see ./evaluation.ts. */
export interface OutcomesResponse extends EvaluationFields {
  mentored: OutcomeGroup;
  comparison: OutcomeGroup;
  difference: OutcomeDifference;
  byModality: { in_person: OutcomeGroup; virtual: OutcomeGroup };
  /** Per-student changes (pseudonymous), for the distribution chart. */
  changes: { mentored: number[]; comparison: number[] };
  effectSize: { cohensDz: number | null; reading: 'none' | 'negligible' | 'small' | 'medium' | 'large' };
  passRates: {
    passMarkPercent: number;
    mentored: { pre: number | null; post: number | null };
    comparison: { pre: number | null; post: number | null };
  };
  /** Sessions attended against change, per mentored student: did more mentoring go with more improvement? */
  sessionsVsChange: { n: number; r: number | null; pValue: number | null; ci95: [number, number] | null };
  health: ProgramHealth;
  startsOn: string;
  records: number;
  /** Which dates count as before and after mentoring, per group, and how many results the window leaves out. */
  windows: { mentored: OutcomeWindow; comparison: OutcomeWindow };
}

/**
 * The exposure window of one group (CONTRACT.md, "Academic outcomes"). Before is always "taken before the
 * program's startsOn"; after starts at startsOn for the comparison group and, for a mentored student, at the
 * later of startsOn and the startedOn of their first mentorship in the program. Results between the two count
 * in neither.
 */
export interface OutcomeWindow {
  /** YYYY-MM-DD: results taken before this day are "before". */
  preBefore: string;
  /** YYYY-MM-DD: the earliest and the latest day from which a student's results count as "after" (null without students). */
  postFrom: { earliest: string | null; latest: string | null };
  /** Students of the group in the imported records. */
  students: number;
  /** Results counted as after. */
  postRecords: number;
  /** Results taken on or after startsOn but before the student's start: counted in neither (0 for the comparison group). */
  recordsInNeither: number;
  /** Students with a before value and results since startsOn, none of them on or after their start: out of the analysis. */
  studentsWithoutPostAfterStart: number;
}

export interface ProgramHealth {
  enrolledMentees: number;
  matchedMentees: number;
  matchRate: number | null;
  /** Non-cancelled sessions per ISO week (Monday, YYYY-MM-DD) over the last 8 weeks, by modality. */
  sessionsPerWeek: Array<{ weekStart: string; in_person: number; virtual: number }>;
  /** Active pairs with no session (held or booked) in the last QUIET_PAIR_DAYS days. */
  pairsWithoutRecentSession: Array<{ mentorshipId: string; menteeName: string; mentorName: string; lastSessionAt: string | null }>;
}

export interface AuditEntryResponse {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectUserId: string | null;
  subjectEmail: string | null;
  details: Record<string, string | number | boolean | null>;
  createdAt: string;
}

export interface SurveyItemResponse {
  id: string;
  key: string;
  text: string;
  position: number;
}

export interface UpdateSurveyItemsRequest {
  /** The full list, in order; items with a known key keep their answers, new keys are added, missing ones retired. */
  items: Array<{ key: string; text: string }>;
}

export interface SurveySubmission {
  answers: Array<{ itemId: string; value: number }>;
}

export interface SurveyItemSummary {
  itemId: string;
  key: string;
  text: string;
  n: number;
  mean: number | null;
  sd: number | null;
  /** Counts of answers 1..5. */
  distribution: number[];
}

export interface SurveySummaryResponse {
  respondents: number;
  items: SurveyItemSummary[];
}

/** A pair with no session (held or booked) in this many days counts as quiet on the outcomes page's health panel. */
export const QUIET_PAIR_DAYS = 21;
