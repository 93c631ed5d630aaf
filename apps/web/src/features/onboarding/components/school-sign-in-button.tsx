import { useTranslation } from 'react-i18next';
import { useOidcStatus } from '@web/features/onboarding/hooks/use-onboarding';
import { oidcStartUrl } from '@web/features/onboarding/api/onboarding-api';

/** "Sign in with the school account": shown only when the API has OIDC configured. A plain link: the provider's pages follow. */
export function SchoolSignInButton({ invitationToken }: { invitationToken?: string }) {
  const { t } = useTranslation();
  const status = useOidcStatus();
  if (!status.data?.enabled) return null;
  return (
    <div className="stack">
      <p className="muted">{t('onboarding.oidc.or')}</p>
      <a className="button button--secondary button--block" href={oidcStartUrl(invitationToken)} data-testid="school-sign-in">
        {t('onboarding.oidc.button')}
      </a>
    </div>
  );
}
