import { useTranslation } from 'react-i18next';
import { describeError } from '@web/lib/describe-error';

/** A failed request, announced as soon as it appears. Renders nothing without an error, so no empty alert lingers. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  return (
    <div className="alert alert--error" role="alert">
      {describeError(error, t)}
    </div>
  );
}

export function SuccessMessage({ children }: { children: string }) {
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  );
}

export function LoadingMessage() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A query that failed: the reason, and a way to ask again without reloading the page. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--error" role="alert">
      <p>{describeError(error, t)}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
