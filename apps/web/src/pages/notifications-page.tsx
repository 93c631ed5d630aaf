import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@web/components/page-header';
import { NotificationList } from '@web/features/notifications/components/notification-list';

export function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="notifications-page">
      <PageHeader
        title={t('notifications.title')}
        intro={t('notifications.intro')}
        actions={
          <Link to="/notifications/settings" className="button button--secondary" data-testid="notification-settings-link">
            {t('notifications.settings.title')}
          </Link>
        }
      />
      <NotificationList />
    </div>
  );
}
