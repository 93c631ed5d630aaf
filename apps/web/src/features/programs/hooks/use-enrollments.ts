import { useQuery } from '@tanstack/react-query';
import { fetchEnrollments } from '@web/features/programs/api/programs-api';
import { queryKeys } from '@web/lib/query-keys';

/** Only a program's coordinators (and admins) may list its enrollments, hence `enabled`. */
export function useEnrollments(programId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.programs.enrollments(programId),
    queryFn: ({ signal }) => fetchEnrollments(programId, signal),
    enabled,
  });
}
