import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createCalendarFeed, fetchCalendarFeed, revokeCalendarFeed } from '@web/features/sessions/api/sessions-api';
import { queryKeys } from '@web/lib/query-keys';

export function useCalendarFeed() {
  return useQuery({ queryKey: queryKeys.calendarFeed, queryFn: ({ signal }) => fetchCalendarFeed(signal) });
}

/** A new address revokes the old one; the secret is in the answer only, never stored in the query cache. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCalendarFeed, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed }) });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeCalendarFeed, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed }) });
}
