import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EnrollmentResponse } from '@pm/contracts';
import { removeEnrollment, updateEnrollment } from '@web/features/programs/api/programs-api';
import { queryKeys } from '@web/lib/query-keys';

export function useUpdateCapacity(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<EnrollmentResponse, Error, { enrollmentId: string; capacity: number }>({
    mutationFn: ({ enrollmentId, capacity }) => updateEnrollment(programId, enrollmentId, { capacity }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.programs.enrollments(programId) }),
  });
}

export function useRemoveEnrollment(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, Error, { enrollmentId: string }>({
    mutationFn: ({ enrollmentId }) => removeEnrollment(programId, enrollmentId),
    // The detail key covers the enrolments below it; the list shows mentor and mentee counts.
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.detail(programId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.list() }),
      ]);
    },
  });
}
