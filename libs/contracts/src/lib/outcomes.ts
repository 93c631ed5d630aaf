export interface ImportResponse {
  /** New records stored by this import (0 when the same file is imported again). */
  imported: number;
  /** Existing records whose score this import corrected. */
  updated: number;
  /** Rows identical to a record already stored. */
  unchanged: number;
  /** Data rows in the file. */
  rows: number;
}

export interface ImportRejectedBody {
  statusCode: 422;
  error: string;
  message: string;
  rejected: Array<{ line: number; error: string }>;
}

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

export interface OutcomesResponse {
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
}

export interface ProgramHealth {
  enrolledMentees: number;
  matchedMentees: number;
  matchRate: number | null;
  /** Non-cancelled sessions per ISO week (Monday, YYYY-MM-DD) over the last 8 weeks, by modality. */
  sessionsPerWeek: Array<{ weekStart: string; in_person: number; virtual: number }>;
  /** Active pairs with no session (held or booked) in the last 21 days. */
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
