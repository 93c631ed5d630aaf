import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateEnrollmentRequest, EnrollmentResponse } from '@pm/contracts';
import { createEnrollment } from '@web/features/programs/api/programs-api';
import { queryKeys } from '@web/lib/query-keys';

export function useEnrollStudent(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<EnrollmentResponse, Error, CreateEnrollmentRequest>({
    mutationFn: (body) => createEnrollment(programId, body),
    onSuccess: async () => {
      // The detail key covers the enrollments below it; the list shows mentor and mentee counts.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.detail(programId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.list() }),
      ]);
    },
  });
}
