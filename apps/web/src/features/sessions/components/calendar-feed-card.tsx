import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { useCalendarFeed, useCreateCalendarFeed, useReplaceCalendarFeed, useRevokeCalendarFeed } from '@web/features/sessions/hooks/use-calendar-feed';
import { useFormatDateTime } from '@web/lib/use-format-date';

type Confirming = 'replace' | 'revoke' | null;

/**
 * The secret address calendar apps subscribe to, shown whenever the page is opened, with copy. Replacing and
 * revoking both break the calendars subscribed to the old address, so each asks once more and says so.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const status = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const replace = useReplaceCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [done, setDone] = useState<string | null>(null);

  const copy = (url: string) => {
    void navigator.clipboard
      .writeText(url)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };
  const start = (next: Confirming) => {
    setCopied(false);
    setDone(null);
    setConfirming(next);
  };

  const body = (() => {
    if (status.isPending) return <LoadingMessage />;
    if (status.isError) return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
    const { active, url, webcalUrl, createdAt } = status.data;
    return (
      <>
        <ErrorAlert error={create.error ?? replace.error ?? revoke.error} />
        {done ? <SuccessMessage>{done}</SuccessMessage> : null}
        {active && url && webcalUrl ? (
          <div className="stack">
            <label className="field__label" htmlFor="feed-url">
              {t('sessions.feed.url')}
            </label>
            <input id="feed-url" className="field__control feed-url" dir="ltr" readOnly value={url} data-testid="feed-url" onFocus={(event) => event.currentTarget.select()} />
            <div className="button-row">
              <button type="button" className="button button--secondary" onClick={() => copy(url)} data-testid="copy-feed-url">
                {t('sessions.feed.copy')}
              </button>
              <a className="button button--secondary" href={webcalUrl}>
                {t('sessions.feed.openInApp')}
              </a>
              <span role="status">{copied ? t('sessions.feed.copied') : ''}</span>
            </div>
            <p className="muted">{createdAt ? t('calendarFeed.since', { date: formatDateTime(createdAt) }) : null}</p>
            <p className="muted">{t('sessions.feed.secret')}</p>
          </div>
        ) : active ? (
          <p className="muted">{t('calendarFeed.legacy')}</p>
        ) : (
          <p className="muted">{t('sessions.feed.none')}</p>
        )}
        {confirming ? (
          <div className="confirm" role="group" aria-labelledby="feed-confirm-title" data-testid="feed-confirm">
            <h3 id="feed-confirm-title" className="confirm__title">
              {confirming === 'replace' ? t('calendarFeed.replaceTitle') : t('calendarFeed.revokeTitle')}
            </h3>
            <p>{t('calendarFeed.breaksSubscriptions')}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button--danger"
                disabled={replace.isPending || revoke.isPending}
                data-testid="feed-confirm-submit"
                onClick={() => {
                  const after = (message: string) => () => {
                    setConfirming(null);
                    setDone(message);
                  };
                  if (confirming === 'replace') replace.mutate(undefined, { onSuccess: after(t('calendarFeed.replaced')) });
                  else revoke.mutate(undefined, { onSuccess: after(t('sessions.feed.revoked')) });
                }}
              >
                {confirming === 'replace' ? t('calendarFeed.replace') : t('sessions.feed.revoke')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                {t('calendarFeed.keep')}
              </button>
            </div>
          </div>
        ) : null}
        <div className="button-row">
          {active ? (
            <>
              <button type="button" className="button button--secondary" onClick={() => start('replace')} data-testid="replace-feed">
                {t('calendarFeed.replace')}
              </button>
              <button type="button" className="button button--danger" onClick={() => start('revoke')} data-testid="revoke-feed">
                {t('sessions.feed.revoke')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={create.isPending}
              onClick={() => {
                setDone(null);
                create.mutate();
              }}
              data-testid="create-feed"
            >
              {t('sessions.feed.create')}
            </button>
          )}
        </div>
      </>
    );
  })();

  return (
    <section className="panel" aria-labelledby="feed-heading" data-testid="calendar-feed">
      <h2 id="feed-heading" className="panel__title">
        {t('sessions.feed.heading')}
      </h2>
      <p className="field__hint">{t('sessions.feed.intro')}</p>
      <p className="field__hint">{t('sessions.feed.refresh')}</p>
      {body}
    </section>
  );
}
