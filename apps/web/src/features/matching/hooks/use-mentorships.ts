import { useQuery } from '@tanstack/react-query';
import { fetchMentorships } from '@web/features/matching/api/matching-api';
import { queryKeys } from '@web/lib/query-keys';

export function useMentorships(programId: string) {
  return useQuery({ queryKey: queryKeys.programs.mentorships(programId), queryFn: ({ signal }) => fetchMentorships(programId, signal) });
}
