import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MatchingAlgorithm, MatchingRunResponse, MatchingWeights } from '@pm/contracts';
import { createMatchingRun } from '@web/features/matching/api/matching-api';
import { queryKeys } from '@web/lib/query-keys';

/** What the page runs: always every weight, so a run never depends on the API's defaults changing. */
export interface MatchingRunInput {
  algorithm: MatchingAlgorithm;
  weights: MatchingWeights;
}

export function useCreateMatchingRun(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<MatchingRunResponse, Error, MatchingRunInput>({
    mutationFn: ({ algorithm, weights }) => createMatchingRun(programId, { algorithm, weights }),
    onSuccess: async (run) => {
      // The list is what the page reads its current preview from; putting the new run at its head shows it
      // at once, and the refetch then brings the API's view of older previews (now stale).
      queryClient.setQueryData<MatchingRunResponse[]>(queryKeys.programs.matchingRuns(programId), (runs) => [run, ...(runs ?? []).filter((r) => r.id !== run.id)]);
      await queryClient.invalidateQueries({ queryKey: queryKeys.programs.matchingRuns(programId) });
    },
  });
}
