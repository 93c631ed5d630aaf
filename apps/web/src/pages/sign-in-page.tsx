import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@web/components/page-header';
import { SignInForm } from '@web/features/auth/components/sign-in-form';
import { OidcError } from '@web/features/onboarding/components/oidc-error';
import { SchoolSignInButton } from '@web/features/onboarding/components/school-sign-in-button';

export function SignInPage() {
  const { t } = useTranslation();
  return (
    <div className="card card--narrow">
      <PageHeader title={t('auth.signIn.title')} intro={t('auth.signIn.intro')} />
      <OidcError />
      <SignInForm />
      <SchoolSignInButton />
      <p className="card__footer">
        {t('auth.signIn.noAccount')} <Link to="/register">{t('auth.signIn.registerLink')}</Link>
      </p>
    </div>
  );
}
