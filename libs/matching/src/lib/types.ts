import type { MatchReasonCode, Modality, UnmatchedReason as ContractUnmatchedReason } from '@pm/contracts';

export interface MatchingMentee {
  id: string;
  yearOfStudy: number;
  interests: string[];
  languages: string[];
  modalities: Modality[];
  campus: string | null;
}

export interface MatchingMentor extends MatchingMentee {
  /** Most mentees this mentor takes in this run (what is left of the enrollment capacity). */
  capacity: number;
}

/**
 * Points per unit of each criterion; integers from 0 to {@link MAX_WEIGHT}, so that every score is an
 * integer and totals compare exactly (with each other and with an LP solver).
 */
export interface ScoreWeights {
  /** Per interest both list. */
  sharedInterest: number;
  /** Per language both speak. */
  sharedLanguage: number;
  /** Once, when both give the same campus. */
  sameCampus: number;
  /** Once, when both can meet in person and virtually (more ways to meet). */
  modalityBoth: number;
  /** Per unit of closeness to the ideal two-year gap: 2 units at a gap of 2, 1 unit at a gap of 1 or 3. */
  yearGapIdeal: number;
}

export interface MatchReason {
  code: MatchReasonCode;
  /** What the web needs to translate the reason; always includes `points`, this reason's share of the score. */
  params: Record<string, string | number>;
  /** The same reason as an English sentence, e.g. "both interested in cardiology". */
  text: string;
}

export interface MatchingInput {
  mentees: MatchingMentee[];
  mentors: MatchingMentor[];
  exclusions?: ReadonlyArray<{ menteeId: string; mentorId: string }>;
  weights?: Partial<ScoreWeights>;
  /** Ranked lists, best first; may be partial or absent. Used by `stable` only. */
  menteeRankings?: Readonly<Record<string, readonly string[]>>;
  mentorRankings?: Readonly<Record<string, readonly string[]>>;
}

export type MatchingAlgorithm = 'optimal' | 'stable';

export interface Assignment {
  menteeId: string;
  mentorId: string;
  score: number;
  reasons: MatchReason[];
}

export type UnmatchedReason = ContractUnmatchedReason;

/**
 * Proof that an `optimal` result cannot be beaten, by linear-programming duality. The LP is
 *   maximize  sum of (matchValue + score) over chosen pairs
 *   subject to  each mentee in at most one pair, each mentor in at most `capacity` pairs,
 * over ALL eligible pairs. Because `matchValue` exceeds any possible total score, its optimum matches as
 * many mentees as the rules allow and, among those, has the largest total score. Any mentor prices
 * `v >= 0` give the upper bound  sum over mentees of max(0, best pair value - price) + sum of capacity x price;
 * when that bound equals the result's value, no assignment can do better.
 */
export interface OptimalityCertificate {
  method: 'lp_duality';
  /** True when the result is feasible, the prices are non-negative and the dual bound equals the primal value. */
  verified: boolean;
  /** Value of one match in the LP objective: one more than the largest total score possible. */
  matchValue: number;
  /** matched x matchValue + totalScore. */
  primalObjective: number;
  /** Upper bound on every feasible assignment, computed from the prices over every eligible pair. */
  dualObjective: number;
  /** Eligible pairs covered by the dual bound: all of them. */
  pairsChecked: number;
  /**
   * Of those, pairs the last check compared with the final prices one by one. Each other pair is bounded by
   * what an exact read of its mentee's whole row proved in an earlier check, adjusted for price drops since.
   */
  pairsCompared: number;
  /** Mentees whose row the last check read in full; the others were settled by those bounds. */
  rowsRead: number;
  /** The hard rules and capacities were checked again on the returned assignments. */
  primalFeasible: boolean;
  /** Candidate pairs kept per mentee in the first solve (its best mentors by score). */
  candidatesPerMentee: number;
  /** Pairs in the last (possibly widened) pruned solve. */
  candidatePairs: number;
  /** Solves run: 1 when the first pruned solve passed the check, more when it had to be widened. */
  rounds: number;
  /** Eligible pairs outside the candidate list that beat the prices and were added, over all rounds. */
  widenedPairs: number;
  /** Dual price of a place with each mentor, by mentor id; 0 for mentors with room left. */
  mentorPrices: Record<string, number>;
}

export interface MatchingResult {
  algorithm: MatchingAlgorithm;
  /** Sorted by menteeId (code-unit order). */
  assignments: Assignment[];
  /** Sorted by menteeId (code-unit order). */
  unmatched: Array<{ menteeId: string; reason: UnmatchedReason }>;
  stats: {
    mentees: number;
    mentors: number;
    eligiblePairs: number;
    matched: number;
    matchRate: number;
    meanScore: number | null;
    totalScore: number;
  };
  /** Present for `optimal`. */
  certificate?: OptimalityCertificate;
}

export interface MatchingProgress {
  phase: 'scoring' | 'solving' | 'verifying' | 'done';
  /** 0..1 within the whole run. */
  fraction: number;
}

/** Tuning knobs; the defaults suit every program size, tests use them to force widening. */
export interface MatchingOptions {
  /** Best mentors per mentee kept for the first `optimal` solve (default 8). */
  candidatesPerMentee?: number;
  /** Each mentor also keeps its best `factor x capacity` mentees as candidates (default 2; 0 turns it off). */
  mentorCandidateFactor?: number;
  /** Keep all pair scores in memory when mentees x mentors is at most this (default 64M pairs). */
  maxCachedPairs?: number;
}
