import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExclusionRequest, ExclusionResponse } from '@pm/contracts';
import { createExclusion, deleteExclusion, fetchExclusions } from '@web/features/matching/api/matching-api';
import { queryKeys } from '@web/lib/query-keys';

export function useExclusions(programId: string) {
  return useQuery({ queryKey: queryKeys.programs.exclusions(programId), queryFn: ({ signal }) => fetchExclusions(programId, signal) });
}

/** Adding or removing an exclusion changes who may be matched, so open previews turn stale as well. */
function useRefreshAfterExclusionChange(programId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.programs.exclusions(programId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.programs.matchingRuns(programId) }),
    ]);
  };
}

export function useAddExclusion(programId: string) {
  const refresh = useRefreshAfterExclusionChange(programId);
  return useMutation<ExclusionResponse, Error, ExclusionRequest>({ mutationFn: (body) => createExclusion(programId, body), onSuccess: refresh });
}

export function useRemoveExclusion(programId: string) {
  const refresh = useRefreshAfterExclusionChange(programId);
  return useMutation<void, Error, ExclusionRequest>({ mutationFn: (pair) => deleteExclusion(programId, pair), onSuccess: refresh });
}
