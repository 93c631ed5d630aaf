import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AllocationResponse, CreateAllocationRequest, FollowOnResponse } from '@pm/contracts';
import { createAllocation, fetchAllocations, offerFollowOn } from '@web/features/allocation/api/allocation-api';
import { queryKeys } from '@web/lib/query-keys';

const allocationKey = (programId: string) => [...queryKeys.programs.detail(programId), 'allocations'] as const;

/** The program's lottery, if it has one (the API answers a list of zero or one). */
export function useAllocation(programId: string) {
  return useQuery({
    queryKey: allocationKey(programId),
    queryFn: ({ signal }) => fetchAllocations(programId, signal),
    select: (list): AllocationResponse | null => list[0] ?? null,
  });
}

export function useCreateAllocation(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<AllocationResponse, Error, CreateAllocationRequest>({
    mutationFn: (body) => createAllocation(programId, body),
    // The draw changes who the matching engine sees and what the outcomes compare.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.programs.detail(programId) }),
  });
}

export function useFollowOn(programId: string, allocationId: string) {
  const queryClient = useQueryClient();
  return useMutation<FollowOnResponse, Error, string>({
    mutationFn: (targetProgramId) => offerFollowOn(programId, allocationId, { targetProgramId }),
    onSuccess: (result) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: allocationKey(programId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.enrollments(result.targetProgramId) }),
      ]),
  });
}
