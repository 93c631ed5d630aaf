import { useQuery } from '@tanstack/react-query';
import { fetchProgram } from '@web/features/programs/api/programs-api';
import { queryKeys } from '@web/lib/query-keys';

export function useProgram(programId: string) {
  return useQuery({ queryKey: queryKeys.programs.detail(programId), queryFn: ({ signal }) => fetchProgram(programId, signal) });
}
