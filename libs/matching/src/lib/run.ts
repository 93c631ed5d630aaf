import { DEFAULT_CANDIDATES_PER_MENTEE, DEFAULT_MENTOR_CANDIDATE_FACTOR, solveOptimal } from './optimal';
import { DEFAULT_MAX_CACHED_PAIRS, scanPairs, scoreEveryPair } from './pairs';
import { buildPreferences } from './preferences';
import { prepare, type Prepared } from './prepare';
import { buildResult } from './result';
import { solveStable } from './stable';
import type { MatchingAlgorithm, MatchingInput, MatchingOptions, MatchingProgress, MatchingResult, OptimalityCertificate } from './types';

// Share of the progress bar each phase of an `optimal` run takes, roughly its share of the time.
const SCORING_SHARE = 0.5;
const SOLVING_SHARE = 0.3;

/**
 * Runs one algorithm over one program. Deterministic: people are sorted by id first and every tie is broken
 * by index, so the same input (in any order) gives the same result.
 */
export function runMatching(
  input: MatchingInput,
  algorithm: MatchingAlgorithm,
  onProgress?: (progress: MatchingProgress) => void,
  options: MatchingOptions = {},
): MatchingResult {
  const p = prepare(input);
  const maxCachedPairs = options.maxCachedPairs ?? DEFAULT_MAX_CACHED_PAIRS;
  const result = algorithm === 'optimal' ? runOptimal(p, options, maxCachedPairs, onProgress) : runStable(p, input, maxCachedPairs, onProgress);
  onProgress?.({ phase: 'done', fraction: 1 });
  return result;
}

function runOptimal(p: Prepared, options: MatchingOptions, maxCachedPairs: number, onProgress?: (progress: MatchingProgress) => void): MatchingResult {
  const candidatesPerMentee = Math.max(1, Math.floor(options.candidatesPerMentee ?? DEFAULT_CANDIDATES_PER_MENTEE));
  const mentorCandidateFactor = Math.max(0, Math.floor(options.mentorCandidateFactor ?? DEFAULT_MENTOR_CANDIDATE_FACTOR));
  const outcome = solveOptimal(p, { candidatesPerMentee, mentorCandidateFactor, maxCachedPairs }, (phase, fraction) => {
    const offset = phase === 'scoring' ? 0 : phase === 'solving' ? SCORING_SHARE : SCORING_SHARE + SOLVING_SHARE;
    const share = phase === 'scoring' ? SCORING_SHARE : phase === 'solving' ? SOLVING_SHARE : 1 - SCORING_SHARE - SOLVING_SHARE;
    onProgress?.({ phase, fraction: offset + share * Math.min(1, fraction) });
  });
  const { proof } = outcome;
  const mentorPrices: Record<string, number> = {};
  p.mentors.forEach((mentor, j) => (mentorPrices[mentor.id] = outcome.prices[j]));
  const certificate: OptimalityCertificate = {
    method: 'lp_duality',
    verified: proof.verified,
    matchValue: outcome.matchValue,
    primalObjective: proof.primalObjective,
    dualObjective: proof.dualObjective,
    pairsChecked: proof.pairsChecked,
    pairsCompared: proof.pairsCompared,
    rowsRead: proof.rowsRead,
    primalFeasible: proof.primalFeasible,
    candidatesPerMentee: outcome.candidatesPerMentee,
    candidatePairs: outcome.candidatePairs,
    rounds: outcome.rounds,
    widenedPairs: outcome.widenedPairs,
    mentorPrices,
  };
  return buildResult(p, 'optimal', outcome.scan, outcome.mentorOf, certificate);
}

function runStable(p: Prepared, input: MatchingInput, maxCachedPairs: number, onProgress?: (progress: MatchingProgress) => void): MatchingResult {
  const rowStep = Math.max(1, Math.floor(p.n / 20));
  const scan = scanPairs(p, maxCachedPairs, undefined, (i) => {
    if (i % rowStep === 0) onProgress?.({ phase: 'scoring', fraction: (SCORING_SHARE * i) / Math.max(1, p.n) });
  });
  onProgress?.({ phase: 'solving', fraction: SCORING_SHARE });
  const mentorOf = solveStable(p, scan.scores, buildPreferences(p, input, scan.scores));
  return buildResult(p, 'stable', scan, mentorOf);
}

/**
 * The benchmark's floor: compile the input and score every pair once, which no solver can avoid. Returns
 * the number of eligible pairs and a checksum of their scores (so the work cannot be optimized away).
 */
export function scoreAllPairs(input: MatchingInput): { eligiblePairs: number; checksum: number } {
  return scoreEveryPair(prepare(input));
}
