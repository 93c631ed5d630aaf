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

/**
 * When a perception survey is answered: `baseline` before the student's mentoring begins (no mentorship of theirs
 * in the program has started), `end` at the end of the program. The same items at both waves, so each student's
 * change per item is paired.
 */
export const SURVEY_WAVES = ['baseline', 'end'] as const;
export type SurveyWave = (typeof SURVEY_WAVES)[number];

export interface SurveyItemResponse {
  id: string;
  key: string;
  text: string;
  position: number;
  /** Where the statement comes from (an item set's source), or null when the program wrote it. */
  source: string | null;
  /**
   * Also asked at baseline. Only statements that read the same before and after mentoring ("I know whom to ask
   * when I struggle") are; a retrospective one ("The mentoring was useful") is asked at the end only.
   */
  baseline: boolean;
}

export interface UpdateSurveyItemsRequest {
  /** The full list, in order; items with a known key keep their answers, new keys are added, missing ones retired. */
  items: Array<{ key: string; text: string; source?: string | null; baseline?: boolean | null }>;
}

/** A ready set of items a coordinator can load into the editor (`GET /api/survey-item-sets?lang=en|fa`). */
export interface SurveyItemSet {
  id: string;
  name: string;
  /** Who wrote the statements and under what licence. */
  source: string;
  items: Array<{ key: string; text: string; baseline: boolean }>;
}

export interface SurveySubmission {
  /** Absent: `end`, as before waves existed. */
  wave?: SurveyWave | null;
  answers: Array<{ itemId: string; value: number }>;
}

/** The caller's waves (`GET /api/programs/:id/survey-waves`, a mentee of the program). */
export interface SurveyWavesResponse {
  /**
   * Open while no mentorship of the caller in the program has started and the program asks at least one item at
   * baseline, until answered. The baseline form asks the items with `baseline: true`; the end form asks all.
   */
  baseline: { open: boolean; answered: boolean };
  end: { open: boolean; answered: boolean };
}

export interface SurveyItemSummary {
  itemId: string;
  key: string;
  text: string;
  source: string | null;
  /** End-of-program answers (as before waves existed). */
  n: number;
  mean: number | null;
  sd: number | null;
  /** Counts of end-of-program answers 1..5. */
  distribution: number[];
  /** Baseline answers. */
  baselineN: number;
  baselineMean: number | null;
  /**
   * Students who answered the item at both waves: mean change (end - baseline), its 95% interval and the
   * paired t-test's p; null where it cannot be computed (fewer than 2 pairs for the interval).
   */
  change: { n: number; meanChange: number | null; ci95: [number, number] | null; pValue: number | null };
}

export interface SurveySummaryResponse {
  /** Students who answered the end-of-program survey. */
  respondents: number;
  baselineRespondents: number;
  items: SurveyItemSummary[];
}

/** A pair with no session (held or booked) in this many days counts as quiet on the outcomes page's health panel. */
export const QUIET_PAIR_DAYS = 21;
