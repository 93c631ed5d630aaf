import type { RankingCandidate } from '@pm/contracts';

/**
 * The saved ranking as the editor starts it: only people the student may still rank (someone who left the
 * program or became ineligible would make the API refuse the whole list), each once, in the saved order.
 */
export function initialRanking(saved: readonly string[], candidates: readonly RankingCandidate[]): string[] {
  const known = new Set(candidates.map((candidate) => candidate.userId));
  return [...new Set(saved)].filter((userId) => known.has(userId));
}

/** Candidates not yet in the ranking, in the API's order (best score first). */
export function unrankedCandidates(candidates: readonly RankingCandidate[], ranked: readonly string[]): RankingCandidate[] {
  const taken = new Set(ranked);
  return candidates.filter((candidate) => !taken.has(candidate.userId));
}
