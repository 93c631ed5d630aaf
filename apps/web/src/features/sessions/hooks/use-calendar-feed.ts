import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createCalendarFeed, fetchCalendarFeed, replaceCalendarFeed, revokeCalendarFeed } from '@web/features/sessions/api/sessions-api';
import { queryKeys } from '@web/lib/query-keys';

export function useCalendarFeed() {
  return useQuery({ queryKey: queryKeys.calendarFeed, queryFn: ({ signal }) => fetchCalendarFeed(signal) });
}

/** The caller's address, made if they have none; the status query then shows it (and shows it again later). */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCalendarFeed, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed }) });
}

/** A new address; the old one stops working, so calendars subscribed to it stop updating. */
export function useReplaceCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: replaceCalendarFeed, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed }) });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeCalendarFeed, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed }) });
}
