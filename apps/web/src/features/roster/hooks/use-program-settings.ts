import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProgramResponse, UpdateProgramRequest } from '@pm/contracts';
import { closeProgram, updateProgram } from '@web/features/roster/api/roster-api';
import { queryKeys } from '@web/lib/query-keys';

export function useUpdateProgram(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<ProgramResponse, Error, UpdateProgramRequest>({
    mutationFn: (body) => updateProgram(programId, body),
    onSuccess: async (program) => {
      queryClient.setQueryData(queryKeys.programs.detail(programId), program);
      // New dates change the outcome analysis; the list shows names and dates.
      await queryClient.invalidateQueries({ queryKey: queryKeys.programs.all });
    },
  });
}

export function useCloseProgram(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<ProgramResponse, Error, string>({
    mutationFn: (confirmName) => closeProgram(programId, confirmName),
    onSuccess: async (program) => {
      queryClient.setQueryData(queryKeys.programs.detail(programId), program);
      await queryClient.invalidateQueries({ queryKey: queryKeys.programs.all });
    },
  });
}
