import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommitRunResponse } from '@pm/contracts';
import { commitMatchingRun } from '@web/features/matching/api/matching-api';
import { queryKeys } from '@web/lib/query-keys';

export function useCommitMatchingRun(programId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.programs.matchingRuns(programId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.programs.mentorships(programId) }),
      // Enrolments carry each person's load (activeMentorships).
      queryClient.invalidateQueries({ queryKey: queryKeys.programs.enrollments(programId) }),
    ]);
  return useMutation<CommitRunResponse, Error, string>({
    mutationFn: (runId) => commitMatchingRun(programId, runId),
    onSuccess: refresh,
    // A 409 means the run is committed or stale by now: the list should say so too.
    onError: refresh,
  });
}
