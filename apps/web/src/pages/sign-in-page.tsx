import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@web/components/page-header';
import { SignInForm } from '@web/features/auth/components/sign-in-form';

export function SignInPage() {
  const { t } = useTranslation();
  return (
    <div className="card card--narrow">
      <PageHeader title={t('auth.signIn.title')} intro={t('auth.signIn.intro')} />
      <SignInForm />
      <p className="card__footer">
        {t('auth.signIn.noAccount')} <Link to="/register">{t('auth.signIn.registerLink')}</Link>
      </p>
    </div>
  );
}
