import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { useMarkRead, useNotifications } from '@web/features/notifications/hooks/use-notifications';
import { formatDateTime } from '@web/lib/format-date';
import { isLanguage } from '@web/lib/i18n';

function NotificationItem({ notification }: { notification: Notification }) {
  const { t, i18n } = useTranslation();
  const markRead = useMarkRead();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const unread = notification.readAt === null;
  return (
    <li className={`notification${unread ? ' notification--unread' : ''}`} data-testid="notification-item" data-kind={notification.kind} data-unread={unread}>
      <Link
        to={notification.link}
        className="notification__link"
        onClick={() => {
          if (unread) markRead.mutate({ ids: [notification.id] });
        }}
      >
        {/* Text from the API is shown as text: names in it are what people typed. */}
        <span className="notification__title">{notification.title}</span>
        <span className="notification__body">{notification.body}</span>
      </Link>
      <span className="notification__meta">
        <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt, language)}</time>
        {unread ? <span className="notification__state">{t('notifications.list.unread')}</span> : null}
        {unread ? (
          <button type="button" className="button button--secondary notification__mark" disabled={markRead.isPending} onClick={() => markRead.mutate({ ids: [notification.id] })}>
            {t('notifications.list.markRead')}
          </button>
        ) : null}
      </span>
    </li>
  );
}

export function NotificationList() {
  const { t } = useTranslation();
  const list = useNotifications();
  const markAll = useMarkRead();
  if (list.isPending) return <LoadingMessage />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const anyUnread = list.data.some((n) => n.readAt === null);
  return (
    <section className="card" aria-labelledby="notification-list-heading">
      <div className="card__header">
        <h2 id="notification-list-heading">{t('notifications.list.heading')}</h2>
        {anyUnread ? (
          <button type="button" className="button button--secondary" disabled={markAll.isPending} onClick={() => markAll.mutate({ all: true })} data-testid="mark-all-read">
            {t('notifications.list.markAllRead')}
          </button>
        ) : null}
      </div>
      {markAll.isError ? <ErrorAlert error={markAll.error} /> : null}
      {list.data.length === 0 ? (
        <p className="empty-state" data-testid="notifications-empty">
          {t('notifications.list.empty')}
        </p>
      ) : (
        <ul className="notification-list">
          {list.data.map((n) => (
            <NotificationItem key={n.id} notification={n} />
          ))}
        </ul>
      )}
    </section>
  );
}
