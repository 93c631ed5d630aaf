import { useQuery } from '@tanstack/react-query';
import { fetchMyPreferences } from '@web/features/preferences/api/preferences-api';
import { queryKeys } from '@web/lib/query-keys';

export function useMyPreferences(programId: string) {
  return useQuery({ queryKey: queryKeys.programs.myPreferences(programId), queryFn: ({ signal }) => fetchMyPreferences(programId, signal) });
}
