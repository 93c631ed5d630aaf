import type { FailedMail, MarkNotificationsReadRequest, Notification, NotificationSettings, UnreadNotificationsResponse } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

export const fetchNotifications = (signal?: AbortSignal): Promise<Notification[]> => apiFetch<Notification[]>('/me/notifications', { signal });

export const fetchUnreadCount = (signal?: AbortSignal): Promise<UnreadNotificationsResponse> => apiFetch<UnreadNotificationsResponse>('/me/notifications/unread', { signal });

export const markNotificationsRead = (body: MarkNotificationsReadRequest): Promise<UnreadNotificationsResponse> =>
  apiFetch<UnreadNotificationsResponse>('/me/notifications/read', { method: 'POST', body });

export const fetchNotificationSettings = (signal?: AbortSignal): Promise<NotificationSettings> => apiFetch<NotificationSettings>('/me/notification-settings', { signal });

export const saveNotificationSettings = (body: NotificationSettings): Promise<NotificationSettings> =>
  apiFetch<NotificationSettings>('/me/notification-settings', { method: 'PUT', body });

/** Admins: mails that could not be delivered after every retry (never silently dropped). */
export const fetchFailedMails = (signal?: AbortSignal): Promise<FailedMail[]> => apiFetch<FailedMail[]>('/admin/failed-mails', { signal });
