import { useQuery } from '@tanstack/react-query';
import { fetchMatchingRuns } from '@web/features/matching/api/matching-api';
import { queryKeys } from '@web/lib/query-keys';

/** The latest runs, newest first; the API marks a preview stale once its input changed. */
export function useMatchingRuns(programId: string) {
  return useQuery({ queryKey: queryKeys.programs.matchingRuns(programId), queryFn: ({ signal }) => fetchMatchingRuns(programId, signal) });
}
