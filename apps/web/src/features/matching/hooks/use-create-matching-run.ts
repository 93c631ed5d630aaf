import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MatchingAlgorithm, MatchingRunResponse } from '@pm/contracts';
import { createMatchingRun } from '@web/features/matching/api/matching-api';
import { queryKeys } from '@web/lib/query-keys';

export function useCreateMatchingRun(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<MatchingRunResponse, Error, MatchingAlgorithm>({
    mutationFn: (algorithm) => createMatchingRun(programId, algorithm),
    onSuccess: async (run) => {
      // The list is what the page reads its current preview from; putting the new run at its head shows it
      // at once, and the refetch then brings the API's view of older previews (now stale).
      queryClient.setQueryData<MatchingRunResponse[]>(queryKeys.programs.matchingRuns(programId), (runs) => [run, ...(runs ?? []).filter((r) => r.id !== run.id)]);
      await queryClient.invalidateQueries({ queryKey: queryKeys.programs.matchingRuns(programId) });
    },
  });
}
