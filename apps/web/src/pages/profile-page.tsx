import { useTranslation } from 'react-i18next';
import { PageHeader } from '@web/components/page-header';
import { ProfileForm } from '@web/features/profile/components/profile-form';

export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('profile.title')} intro={t('profile.intro')} />
      <ProfileForm />
    </>
  );
}
