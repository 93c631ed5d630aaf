import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorCode } from '@pm/contracts';

const KNOWN = new Set<string>(Object.values(ErrorCode));
const isKnown = (code: string): code is ErrorCode => KNOWN.has(code);

/** The reason a school sign-in came back refused (`/sign-in?oidcError=<CODE>`), in the reader's language. */
export function OidcError() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const code = params.get('oidcError');
  if (!code) return null;
  return (
    <div className="alert alert--error" role="alert" data-testid="oidc-error">
      {isKnown(code) ? t(`errors.code.${code}`) : t('errors.code.OIDC_SIGN_IN_FAILED')}
    </div>
  );
}
