/**
 * Matching engine: pairs preclinical mentees with senior mentors in one program.
 *
 * - Hard rules (isEligible): both years known, the mentor's above the mentee's, a shared modality, no
 *   coordinator exclusion; a mentor takes at most `capacity` mentees; a mentee gets at most one mentor.
 * - Scores (scorePair) are integers: per-unit integer weights (DEFAULT_WEIGHTS, 0..MAX_WEIGHT) times shared
 *   interests, shared languages, same campus, both modalities and closeness to a two-year gap. With the
 *   default weights a pair scores 0 to about 30. Totals therefore compare exactly.
 * - `optimal`: most mentees matched, then largest total score, solved exactly with a certificate of LP
 *   duality checked against every eligible pair. `stable`: mentee-proposing deferred acceptance.
 * - Deterministic: people are sorted by id before anything else, and ties are broken by id.
 */
export type {
  Assignment,
  MatchingAlgorithm,
  MatchingInput,
  MatchingMentee,
  MatchingMentor,
  MatchingOptions,
  MatchingProgress,
  MatchingResult,
  MatchReason,
  OptimalityCertificate,
  ScoreWeights,
  UnmatchedReason,
} from './lib/types';
export { DEFAULT_WEIGHTS, MAX_WEIGHT, resolveWeights } from './lib/weights';
export { FIRST_YEAR_OF_STUDY, IDEAL_YEAR_GAP, LAST_YEAR_OF_STUDY, isEligible, scorePair } from './lib/score';
export { runMatching, scoreAllPairs } from './lib/run';
export { findBlockingPairs } from './lib/blocking';
