import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AvailabilityRequest } from '@pm/contracts';
import { fetchMyAvailability, publishAvailability, withdrawAvailability } from '@web/features/sessions/api/sessions-api';
import { queryKeys } from '@web/lib/query-keys';

export function useMyAvailability() {
  return useQuery({ queryKey: queryKeys.myAvailability, queryFn: ({ signal }) => fetchMyAvailability(signal) });
}

export function usePublishAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AvailabilityRequest) => publishAvailability(body),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.myAvailability, saved),
  });
}

export function useWithdrawAvailability() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: withdrawAvailability, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.myAvailability }) });
}
