import { useQuery } from '@tanstack/react-query';
import { fetchMyPrograms } from '@web/features/programs/api/programs-api';
import { queryKeys } from '@web/lib/query-keys';

/** The caller's programs: those they coordinate, are enrolled in, or every program for an admin. */
export function useMyPrograms() {
  return useQuery({ queryKey: queryKeys.programs.list(), queryFn: ({ signal }) => fetchMyPrograms(signal) });
}
