import type { OutcomeDifference, OutcomeGroup } from './outcomes';

/**
 * Evaluation (contract "Evaluation: adjusted estimates, dose, randomized allocation, the report"): the fields
 * `GET /api/programs/:id/outcomes` adds, and the randomized allocation.
 */

/** Analysis of covariance: OLS of post on [1, pre, group]; the group coefficient. All null when n < 4 or not identified. */
export interface AdjustedEstimate {
  estimate: number | null;
  ci95: [number, number] | null;
  pValue: number | null;
  /** Students in the model (both groups). */
  n: number;
  /** Classical standard error of the estimate. */
  standardError: number | null;
  /** Residual degrees of freedom, n - 3. */
  df: number | null;
}

/** Least squares of a mentored student's change on the sessions they attended (begun, not cancelled, not a no-show). */
export interface DoseResponse {
  slope: number | null;
  ci95: [number, number] | null;
  pValue: number | null;
  n: number;
  intercept: number | null;
  /** One point per mentored student with pre and post, for the scatter: sessions and change (pseudonymous, unordered). */
  points: Array<{ sessions: number; change: number }>;
}

/** Intention to treat: by allocation, whatever happened after. */
export interface RandomizedAnalysis {
  allocationId: string;
  seed: string;
  offered: OutcomeGroup;
  waitlisted: OutcomeGroup;
  difference: OutcomeDifference;
  adjusted: AdjustedEstimate;
}

export interface EvaluationFields {
  adjusted: AdjustedEstimate;
  /** Each modality's mentored students against the whole comparison group, adjusted for the pre value. */
  adjustedByModality: { in_person: AdjustedEstimate; virtual: AdjustedEstimate };
  doseResponse: DoseResponse;
  /** Present once the program has an allocation. */
  randomized?: RandomizedAnalysis;
}

export const ALLOCATION_STRATA = ['none', 'year_of_study'] as const;
export type AllocationStratification = (typeof ALLOCATION_STRATA)[number];

export const ALLOCATION_SEED_MAX_LENGTH = 128;

export interface CreateAllocationRequest {
  /** The number of places to offer: fewer than the program's mentees. */
  places: number;
  /** Typed by the coordinator or drawn by the dashboard; drawn by the server when left out. */
  seed?: string;
  /** `year_of_study`: places shared between years in proportion to their size (docs/outcomes.md). Default `none`. */
  stratifyBy?: AllocationStratification;
}

export type AllocationOutcome = 'offered' | 'waitlisted';

export interface AllocationEntryResponse {
  userId: string;
  fullName: string;
  yearOfStudy: number | null;
  outcome: AllocationOutcome;
  /** Position in the lottery order (1 = first), within the stratum when stratified. */
  rank: number;
  /** Lowercase hex SHA-256 of `seed + ":" + userId`: the key the lottery sorts by. */
  hash: string;
  /** Whether the mentee has (or had) a mentorship in the program. */
  matched: boolean;
  /** The follow-on program the mentee was enrolled in from the waitlist, if any. */
  followOnProgramId: string | null;
}

export interface AllocationResponse {
  id: string;
  programId: string;
  seed: string;
  places: number;
  stratifyBy: AllocationStratification;
  /** User ids in lottery order. */
  offered: string[];
  waitlisted: string[];
  entries: AllocationEntryResponse[];
  createdAt: string;
  createdByName: string | null;
}

export interface FollowOnRequest {
  /** A program the caller coordinates, other than this one, that the waitlisted mentees join as mentees. */
  targetProgramId: string;
}

export interface FollowOnResponse {
  targetProgramId: string;
  /** Waitlisted mentees newly enrolled in the target program. */
  enrolled: number;
  /** Waitlisted mentees who already were enrolled there. */
  alreadyEnrolled: number;
}
