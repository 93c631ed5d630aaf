import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@web/components/page-header';
import { NotificationSettingsForm } from '@web/features/notifications/components/notification-settings-form';

/** Also the target of the settings link at the foot of every notification mail. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="notification-settings-page">
      <PageHeader title={t('notifications.settings.title')} intro={t('notifications.settings.intro')} actions={<Link to="/notifications">{t('notifications.settings.back')}</Link>} />
      <section className="card">
        <NotificationSettingsForm />
      </section>
    </div>
  );
}
