import type { AllocationStratification, OutcomesResponse } from '@pm/contracts';

export const REPORT_LANGUAGES = ['en', 'fa'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export type FlowStep = 'enrolled' | 'inLottery' | 'joinedAfter' | 'allocated' | 'matched' | 'inRecords' | 'withPrePost' | 'analysed';
export type FlowArm = 'offered' | 'waitlisted' | 'mentored' | 'comparison';

export interface FlowBox {
  step: FlowStep;
  n: number;
}

/** The participant flow (CONSORT-style): boxes above the split, then one column per group. */
export interface ReportFlow {
  top: FlowBox[];
  columns: Array<{ arm: FlowArm; boxes: FlowBox[] }>;
}

export interface ReportSurveyItem {
  key: string;
  text: string;
  /** End-of-program answers. */
  n: number;
  mean: number | null;
  /** Baseline answers, when the survey was also asked at the start. */
  baselineN: number;
  baselineMean: number | null;
  /** Students who answered the item at both waves, and their mean change (end - baseline). */
  pairedN: number;
  pairedChange: number | null;
}

export interface ReportData {
  program: { name: string; startsOn: string; endsOn: string };
  /** YYYY-MM-DD, the day the report was produced. */
  generatedOn: string;
  outcomes: OutcomesResponse;
  allocation: { seed: string; places: number; stratifyBy: AllocationStratification; drawnOn: string; offeredNotMatched: number; waitlistedMatched: number } | null;
  flow: ReportFlow;
  surveys: { respondents: number; baselineRespondents: number; items: ReportSurveyItem[] };
}
