import { useQuery } from '@tanstack/react-query';
import { fetchRankingCandidates } from '@web/features/preferences/api/preferences-api';
import { queryKeys } from '@web/lib/query-keys';

/** Who the student may rank: eligible people on the other side, best score first. */
export function useRankingCandidates(programId: string) {
  return useQuery({ queryKey: queryKeys.programs.rankingCandidates(programId), queryFn: ({ signal }) => fetchRankingCandidates(programId, signal) });
}
