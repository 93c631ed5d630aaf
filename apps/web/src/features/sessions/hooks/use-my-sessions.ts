import { useQuery } from '@tanstack/react-query';
import { fetchMySessions } from '@web/features/sessions/api/sessions-api';
import { queryKeys } from '@web/lib/query-keys';

/** The signed-in student's sessions, as mentor or mentee, oldest first, cancelled ones included. */
export function useMySessions() {
  return useQuery({ queryKey: queryKeys.mySessions, queryFn: ({ signal }) => fetchMySessions(signal) });
}
