import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MarkNotificationsReadRequest, Notification, NotificationSettings, UnreadNotificationsResponse } from '@pm/contracts';
import { sessionStore } from '@web/features/auth/api/session-store';
import { openNotificationStream } from '@web/features/notifications/api/notification-stream';
import {
  fetchNotificationSettings,
  fetchNotifications,
  fetchUnreadCount,
  markNotificationsRead,
  saveNotificationSettings,
} from '@web/features/notifications/api/notifications-api';
import { queryKeys } from '@web/lib/query-keys';

export function useNotifications() {
  return useQuery({ queryKey: queryKeys.notifications.list, queryFn: ({ signal }) => fetchNotifications(signal) });
}

/** The badge's count; kept live by useNotificationStream, and re-read now and then in case a push was missed. */
export function useUnreadCount() {
  return useQuery({ queryKey: queryKeys.notifications.unread, queryFn: ({ signal }) => fetchUnreadCount(signal), refetchInterval: 120_000 });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkNotificationsReadRequest) => markNotificationsRead(body),
    onSuccess: (result) => {
      queryClient.setQueryData<UnreadNotificationsResponse>(queryKeys.notifications.unread, result);
      return queryClient.invalidateQueries({ queryKey: queryKeys.notifications.list });
    },
  });
}

export function useNotificationSettings() {
  return useQuery({ queryKey: queryKeys.notifications.settings, queryFn: ({ signal }) => fetchNotificationSettings(signal) });
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettings) => saveNotificationSettings(body),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.notifications.settings, saved);
      // Titles and bodies are written in the chosen language.
      return queryClient.invalidateQueries({ queryKey: queryKeys.notifications.list });
    },
  });
}

/** Opens the live stream while a user is signed in: a new notification raises the badge and joins the list. */
export function useNotificationStream(userId: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId) return undefined;
    const stream = openNotificationStream(() => sessionStore.get()?.accessToken ?? null, {
      onNotification: (n: Notification) => {
        queryClient.setQueryData<Notification[]>(queryKeys.notifications.list, (list) => (list && !list.some((x) => x.id === n.id) ? [n, ...list] : list));
        void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.unread });
      },
      onConnect: () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all }),
    });
    let token = sessionStore.get()?.accessToken ?? null;
    const unsubscribe = sessionStore.subscribe(() => {
      const next = sessionStore.get()?.accessToken ?? null;
      if (next && next !== token) stream.tokenChanged(next);
      token = next;
    });
    return () => {
      unsubscribe();
      stream.close();
    };
  }, [queryClient, userId]);
}
