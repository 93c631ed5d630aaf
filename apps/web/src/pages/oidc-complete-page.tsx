import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, LoadingMessage } from '@web/components/feedback';
import { welcomePath } from '@web/features/onboarding/components/welcome-path';
import { useOidcExchange } from '@web/features/onboarding/hooks/use-onboarding';
import { usePageTitle } from '@web/lib/use-page-title';

/**
 * `/oidc/complete#code=…`: where the school sign-in lands. The one-time code rides in the fragment (never sent
 * to a server); it is traded once for the session, then removed from the address bar.
 */
export function OidcCompletePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const exchange = useOidcExchange();
  const started = useRef(false);
  usePageTitle(t('onboarding.oidc.completing'));

  useEffect(() => {
    // Once only: React runs effects twice in development, and the code is single use.
    if (started.current) return;
    started.current = true;
    const code = new URLSearchParams(window.location.hash.slice(1)).get('code') ?? '';
    window.history.replaceState(null, '', window.location.pathname);
    exchange.mutate(code, {
      onSuccess: (auth) => void navigate(auth.programId || auth.user.yearOfStudy === null ? welcomePath(auth.programId) : '/', { replace: true }),
    });
  }, [exchange, navigate]);

  return (
    <div className="card card--narrow">
      <h1>{t('onboarding.oidc.completing')}</h1>
      {exchange.isError ? (
        <>
          <ErrorAlert error={exchange.error} />
          <p className="card__footer">
            <Link to="/sign-in">{t('onboarding.oidc.tryAgain')}</Link>
          </p>
        </>
      ) : (
        <LoadingMessage />
      )}
    </div>
  );
}
