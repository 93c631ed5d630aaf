import type { ScoreWeights } from './types';

/** Highest weight accepted: keeps every score, and every total over 10^5 mentees, exact in a double. */
export const MAX_WEIGHT = 1000;

/**
 * Shared interests say the most about what a mentee will get out of the pairing, so they weigh most; a shared
 * language and the same campus make meeting easier; being able to meet both ways and the ideal two-year gap
 * break ties between otherwise similar mentors. With these defaults a typical pair scores 5 to 25.
 */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  sharedInterest: 3,
  sharedLanguage: 2,
  sameCampus: 2,
  modalityBoth: 1,
  yearGapIdeal: 1,
});

const WEIGHT_KEYS: ReadonlyArray<keyof ScoreWeights> = ['sharedInterest', 'sharedLanguage', 'sameCampus', 'modalityBoth', 'yearGapIdeal'];

/** Fills in defaults and rejects weights that would make scores fractional, negative or inexact. */
export function resolveWeights(weights: Partial<ScoreWeights> | undefined): ScoreWeights {
  const resolved: ScoreWeights = { ...DEFAULT_WEIGHTS };
  for (const key of WEIGHT_KEYS) {
    const value = weights?.[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0 || value > MAX_WEIGHT) {
      throw new RangeError(`weight ${key} must be an integer from 0 to ${MAX_WEIGHT}, got ${String(value)}`);
    }
    resolved[key] = value;
  }
  return resolved;
}
