import type { PairScores } from './pairs';
import type { Prepared } from './prepare';
import type { MatchingInput } from './types';

/**
 * Who prefers whom, for `stable` and for finding blocking pairs. A student's order over the other side is:
 * the eligible people they ranked, in their order; then everyone else eligible by score, best first, ties
 * by id. Ineligible people never appear (only eligible pairs can match or block), and neither do unknown
 * ids or repeats in a ranking. Orders are compared through numeric keys (lower is preferred) so that no
 * full list has to be built unless a student actually needs to go far down it.
 */
export interface Preferences {
  /** Ranked eligible mentors of each mentee, best first. */
  readonly menteeRanked: readonly Int32Array[];
  readonly menteeRankOf: ReadonlyArray<ReadonlyMap<number, number> | null>;
  readonly mentorRankOf: ReadonlyArray<ReadonlyMap<number, number> | null>;
  readonly mentorRankCount: Int32Array;
  /** Above every score, so that (scoreCap - score) orders best first. */
  readonly scoreCap: number;
  readonly n: number;
  readonly m: number;
}

function rankedIndices(
  ranking: readonly string[] | undefined,
  index: ReadonlyMap<string, number>,
  eligible: (k: number) => boolean,
): Int32Array {
  if (ranking === undefined) return new Int32Array(0);
  const seen = new Set<number>();
  for (const id of ranking) {
    const k = index.get(id);
    if (k !== undefined && !seen.has(k) && eligible(k)) seen.add(k);
  }
  return Int32Array.from(seen);
}

function positions(ranked: Int32Array): Map<number, number> | null {
  return ranked.length === 0 ? null : new Map(Array.from(ranked, (k, position) => [k, position]));
}

function rankingOf(rankings: Readonly<Record<string, readonly string[]>> | undefined, id: string): readonly string[] | undefined {
  return rankings !== undefined && Object.hasOwn(rankings, id) ? rankings[id] : undefined;
}

export function buildPreferences(p: Prepared, input: MatchingInput, scores: PairScores): Preferences {
  const menteeRanked = p.mentees.map((mentee, i) =>
    rankedIndices(rankingOf(input.menteeRankings, mentee.id), p.mentorIndex, (j) => scores.at(i, j) >= 0),
  );
  const mentorRanked = p.mentors.map((mentor, j) =>
    rankedIndices(rankingOf(input.mentorRankings, mentor.id), p.menteeIndex, (i) => scores.at(i, j) >= 0),
  );
  return {
    menteeRanked,
    menteeRankOf: menteeRanked.map(positions),
    mentorRankOf: mentorRanked.map(positions),
    mentorRankCount: Int32Array.from(mentorRanked, (list) => list.length),
    scoreCap: p.maxPairScore + 1,
    n: p.n,
    m: p.m,
  };
}

/** Mentee i's key for an eligible mentor j with this score: its rank if ranked, else after every ranked one. */
export function menteeKey(prefs: Preferences, i: number, j: number, score: number): number {
  const ranked = prefs.menteeRankOf[i];
  const position = ranked?.get(j);
  if (position !== undefined) return position;
  return prefs.menteeRanked[i].length + (prefs.scoreCap - score) * prefs.m + j;
}

/** Mentor j's key for an eligible mentee i with this score. */
export function mentorKey(prefs: Preferences, j: number, i: number, score: number): number {
  const ranked = prefs.mentorRankOf[j];
  const position = ranked?.get(i);
  if (position !== undefined) return position;
  return prefs.mentorRankCount[j] + (prefs.scoreCap - score) * prefs.n + i;
}
