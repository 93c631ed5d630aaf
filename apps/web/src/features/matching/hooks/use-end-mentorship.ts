import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MentorshipResponse } from '@pm/contracts';
import { endMentorship } from '@web/features/matching/api/matching-api';
import { queryKeys } from '@web/lib/query-keys';

export interface EndMentorshipVariables {
  mentorshipId: string;
  reason: string;
}

export function useEndMentorship(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<MentorshipResponse, Error, EndMentorshipVariables>({
    mutationFn: ({ mentorshipId, reason }) => endMentorship(programId, mentorshipId, { reason }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.mentorships(programId) }),
        // Enrolments carry each person's load (activeMentorships).
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.enrollments(programId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.matchingRuns(programId) }),
      ]);
    },
  });
}
