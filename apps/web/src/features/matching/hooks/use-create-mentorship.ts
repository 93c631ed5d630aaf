import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateMentorshipRequest, MentorshipResponse } from '@pm/contracts';
import { createMentorship } from '@web/features/matching/api/matching-api';
import { queryKeys } from '@web/lib/query-keys';

export function useCreateMentorship(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<MentorshipResponse, Error, CreateMentorshipRequest>({
    mutationFn: (body) => createMentorship(programId, body),
    onSuccess: async () => {
      // A new mentorship changes the matching input, so open previews turn stale.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.mentorships(programId) }),
        // Enrolments carry each person's load (activeMentorships).
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.enrollments(programId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.matchingRuns(programId) }),
      ]);
    },
  });
}
