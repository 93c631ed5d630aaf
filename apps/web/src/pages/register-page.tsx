import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@web/components/page-header';
import { RegisterForm } from '@web/features/auth/components/register-form';

export function RegisterPage() {
  const { t } = useTranslation();
  return (
    <div className="card card--narrow">
      <PageHeader title={t('auth.register.title')} intro={t('auth.register.intro')} />
      <RegisterForm />
      <p className="card__footer">
        {t('auth.register.haveAccount')} <Link to="/sign-in">{t('auth.register.signInLink')}</Link>
      </p>
    </div>
  );
}
