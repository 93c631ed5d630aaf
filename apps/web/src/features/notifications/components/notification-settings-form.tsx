import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { NotificationSettings } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { SelectField } from '@web/components/field';
import { useNotificationSettings, useSaveNotificationSettings } from '@web/features/notifications/hooks/use-notifications';

function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const { t } = useTranslation();
  const save = useSaveNotificationSettings();
  const { register, handleSubmit, formState } = useForm<NotificationSettings>({ defaultValues: settings });
  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit((values) => save.mutate(values))(event)} data-testid="notification-settings-form">
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {save.isSuccess && !formState.isDirty ? <SuccessMessage>{t('notifications.settings.saved')}</SuccessMessage> : null}
      <div className="field">
        <div className="checkbox">
          <input id="notification-email" type="checkbox" aria-describedby="notification-email-hint" {...register('email')} />
          <label htmlFor="notification-email">{t('notifications.settings.email')}</label>
        </div>
        <p className="field__hint" id="notification-email-hint">
          {t('notifications.settings.emailHint')}
        </p>
      </div>
      <SelectField id="notification-language" label={t('notifications.settings.language')} hint={t('notifications.settings.languageHint')} registration={register('language')}>
        <option value="en">English</option>
        <option value="fa">فارسی</option>
      </SelectField>
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('notifications.settings.save')}
        </button>
      </div>
    </form>
  );
}

export function NotificationSettingsForm() {
  const settings = useNotificationSettings();
  if (settings.isPending) return <LoadingMessage />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsForm settings={settings.data} />;
}
