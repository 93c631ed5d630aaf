import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateProgramRequest, ProgramResponse } from '@pm/contracts';
import { createProgram } from '@web/features/programs/api/programs-api';
import { queryKeys } from '@web/lib/query-keys';

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation<ProgramResponse, Error, CreateProgramRequest>({
    mutationFn: createProgram,
    onSuccess: async (program) => {
      // The detail page opens next; seeding it avoids a loading flash for what we already hold.
      queryClient.setQueryData(queryKeys.programs.detail(program.id), program);
      await queryClient.invalidateQueries({ queryKey: queryKeys.programs.list() });
    },
  });
}
