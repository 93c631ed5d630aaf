import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddCoordinatorRequest, CoordinatorResponse } from '@pm/contracts';
import { addCoordinator, fetchCoordinators } from '@web/features/programs/api/programs-api';
import { queryKeys } from '@web/lib/query-keys';

export function useCoordinators(programId: string) {
  return useQuery({ queryKey: queryKeys.programs.coordinators(programId), queryFn: ({ signal }) => fetchCoordinators(programId, signal) });
}

export function useAddCoordinator(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<CoordinatorResponse, Error, AddCoordinatorRequest>({
    mutationFn: (body) => addCoordinator(programId, body),
    // The detail key covers the coordinator list and the program's counts; the list shows the counts too.
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.detail(programId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.list() }),
      ]);
    },
  });
}
