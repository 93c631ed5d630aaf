import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNotificationStream, useUnreadCount } from '@web/features/notifications/hooks/use-notifications';
import { formatNumber } from '@web/lib/format-date';
import { isLanguage } from '@web/lib/i18n';

/** The top bar's way to the notification list, with the unread count, live. */
export function NotificationBell({ userId }: { userId: string | undefined }) {
  const { t, i18n } = useTranslation();
  useNotificationStream(userId);
  const unread = useUnreadCount();
  const count = unread.data?.unread ?? 0;
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const label = count > 0 ? t('notifications.bell.unread', { count }) : t('notifications.bell.none');
  return (
    <Link to="/notifications" className="notification-bell" aria-label={label} title={label} data-testid="notification-bell">
      <svg className="notification-bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {count > 0 ? (
        <span className="notification-bell__badge" data-testid="notification-badge">
          {count > 99 ? `${formatNumber(99, language)}+` : formatNumber(count, language)}
        </span>
      ) : null}
    </Link>
  );
}
