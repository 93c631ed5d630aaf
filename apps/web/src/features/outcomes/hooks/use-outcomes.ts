import { useQuery } from '@tanstack/react-query';
import { fetchOutcomes } from '@web/features/outcomes/api/outcomes-api';
import { queryKeys } from '@web/lib/query-keys';

export function useOutcomes(programId: string) {
  return useQuery({ queryKey: queryKeys.programs.outcomes(programId), queryFn: ({ signal }) => fetchOutcomes(programId, signal) });
}
