import { DEFAULT_MATCHING_WEIGHTS, type MatchingRunResponse } from '@pm/contracts';
import type { MatchingRunEntity } from './matching-run.entity';

export const toRunResponse = (run: MatchingRunEntity, stale: boolean): MatchingRunResponse => ({
  id: run.id,
  programId: run.programId,
  algorithm: run.algorithm,
  status: run.committedAt ? 'committed' : stale ? 'stale' : 'preview',
  createdAt: run.createdAt.toISOString(),
  committedAt: run.committedAt?.toISOString() ?? null,
  assignments: run.result.assignments,
  unmatchedMenteeIds: run.result.unmatched.map((u) => u.menteeId),
  unmatched: run.result.unmatched,
  stats: run.result.stats,
  certificate: run.result.certificate,
  // Runs stored before weights could be chosen used the defaults.
  weights: { ...DEFAULT_MATCHING_WEIGHTS, ...run.parameters },
  blockingPairs: run.result.blockingPairs,
  durationMs: run.result.durationMs,
});
