import type { Modality } from './enums';

export const MatchingAlgorithm = { Optimal: 'optimal', Stable: 'stable' } as const;
export type MatchingAlgorithm = (typeof MatchingAlgorithm)[keyof typeof MatchingAlgorithm];
export const MATCHING_ALGORITHMS: readonly MatchingAlgorithm[] = Object.values(MatchingAlgorithm);

export const MentorshipStatus = { Active: 'active', Ended: 'ended' } as const;
export type MentorshipStatus = (typeof MentorshipStatus)[keyof typeof MentorshipStatus];

export type UnmatchedReason = 'no_eligible_mentor' | 'eligible_mentors_full';

/**
 * The hard rule a manual match broke, as the `rule` field of its error body (beside `code`): the mentor's
 * year is not above the mentee's, they share no modality, the mentor is at capacity, the mentee already has a
 * mentor, or the coordinator excluded the pair. A `year` error also carries `mentorYear` and `menteeYear`,
 * a `capacity` error `capacity`.
 */
export type MatchRule = 'year' | 'modality' | 'capacity' | 'already_matched' | 'excluded';
export const MATCH_RULES: readonly MatchRule[] = ['year', 'modality', 'capacity', 'already_matched', 'excluded'];
export type MatchReasonCode = 'shared_interest' | 'shared_language' | 'same_campus' | 'shared_modality' | 'year_gap';

export interface MatchReasonDetail {
  code: MatchReasonCode;
  params: Record<string, string | number>;
  /** The same reason as an English sentence. */
  text: string;
}

export interface PreferencesRequest {
  /** The caller's ranking of the other side, best first; may be partial. */
  rankedUserIds: string[];
}

export interface PreferencesResponse {
  rankedUserIds: string[];
  updatedAt: string | null;
}

/** Someone the caller may rank: eligible under the hard rules, with the engine's score for the pair. */
export interface RankingCandidate {
  userId: string;
  fullName: string;
  yearOfStudy: number | null;
  interests: string[];
  languages: string[];
  modalities: string[];
  campus: string | null;
  score: number;
}

/**
 * Points per unit of each criterion of a pair's score: integers from 0 to MAX_MATCHING_WEIGHT. A run states the
 * weights it used; the coordinator page starts from the program's last run, so each program keeps its own.
 */
export interface MatchingWeights {
  /** Per interest both list. */
  sharedInterest: number;
  /** Per language both speak. */
  sharedLanguage: number;
  /** Once, when both give the same campus. */
  sameCampus: number;
  /** Once, when both can meet in person and virtually. */
  modalityBoth: number;
  /** Per unit of closeness to the ideal two-year gap (2 units at a gap of 2, 1 at a gap of 1 or 3). */
  yearGapIdeal: number;
}

export const MATCHING_WEIGHT_KEYS: ReadonlyArray<keyof MatchingWeights> = ['sharedInterest', 'sharedLanguage', 'sameCampus', 'modalityBoth', 'yearGapIdeal'];
export const MAX_MATCHING_WEIGHT = 1000;
/** The engine's defaults (libs/matching DEFAULT_WEIGHTS; a unit test keeps the two equal). */
export const DEFAULT_MATCHING_WEIGHTS: Readonly<MatchingWeights> = Object.freeze({
  sharedInterest: 3,
  sharedLanguage: 2,
  sameCampus: 2,
  modalityBoth: 1,
  yearGapIdeal: 1,
});

export interface CreateMatchingRunRequest {
  algorithm: MatchingAlgorithm;
  /** Any weight left out takes its default. */
  weights?: Partial<MatchingWeights>;
}

export interface MatchingAssignment {
  menteeId: string;
  mentorId: string;
  score: number;
  /** Plain-language reasons, e.g. "both interested in cardiology". */
  reasons: string[];
  reasonDetails: MatchReasonDetail[];
  menteeName: string;
  mentorName: string;
}

export interface MatchingRunStats {
  mentees: number;
  mentors: number;
  eligiblePairs: number;
  matched: number;
  matchRate: number;
  meanScore: number | null;
  totalScore: number;
}

export interface MatchingRunResponse {
  id: string;
  programId: string;
  algorithm: MatchingAlgorithm;
  status: 'preview' | 'committed' | 'stale';
  createdAt: string;
  committedAt: string | null;
  assignments: MatchingAssignment[];
  unmatchedMenteeIds: string[];
  unmatched: Array<{ menteeId: string; menteeName: string; reason: UnmatchedReason }>;
  stats: MatchingRunStats;
  /** For `optimal`: what was checked to prove the total score cannot be beaten. */
  certificate: Record<string, unknown> | null;
  /** The weights the scores were computed with (defaults filled in). */
  weights: MatchingWeights;
  /** For `stable`: pairs who would both rather be together (always empty for a correct run). */
  blockingPairs: number | null;
  durationMs: number;
}

export interface CommitRunResponse {
  mentorships: Array<{ id: string; menteeId: string; mentorId: string }>;
}

export interface CreateMentorshipRequest {
  menteeId: string;
  mentorId: string;
  /** YYYY-MM-DD, the day the pair began; default today in the program's time zone; never after today. */
  startedOn?: string;
}

export interface EndMentorshipRequest {
  reason: string;
}

export interface MentorshipResponse {
  id: string;
  programId: string;
  menteeId: string;
  mentorId: string;
  status: MentorshipStatus;
  menteeName: string;
  mentorName: string;
  createdAt: string;
  endedAt: string | null;
  endedReason: string | null;
  /** YYYY-MM-DD in the program's time zone: when mentoring began; the outcomes count "after" from here. */
  startedOn: string;
}

/** A student's own mentorship, as mentor or mentee, with the other person. */
export interface MyMentorshipResponse {
  id: string;
  programId: string;
  programName: string;
  myRole: 'mentor' | 'mentee';
  status: MentorshipStatus;
  other: { id: string; fullName: string; email: string; yearOfStudy: number | null };
  createdAt: string;
  startedOn: string;
  /** The ways both can meet (their profiles' modalities in common): the only ones a session of theirs may use. */
  sharedModalities: Modality[];
}

export interface ExclusionRequest {
  menteeId: string;
  mentorId: string;
}

export interface ExclusionResponse {
  menteeId: string;
  mentorId: string;
  createdAt: string;
}
