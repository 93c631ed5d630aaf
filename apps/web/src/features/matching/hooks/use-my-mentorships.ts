import { useQuery } from '@tanstack/react-query';
import { fetchMyMentorships } from '@web/features/matching/api/matching-api';
import { queryKeys } from '@web/lib/query-keys';

/** The signed-in student's own mentorships, as mentor or mentee. */
export function useMyMentorships() {
  return useQuery({ queryKey: queryKeys.myMentorships, queryFn: ({ signal }) => fetchMyMentorships(signal) });
}
