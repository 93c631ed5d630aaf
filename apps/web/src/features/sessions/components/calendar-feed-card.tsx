import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from '@web/features/sessions/hooks/use-calendar-feed';
import { useFormatDateTime } from '@web/lib/use-format-date';

/** The secret address calendar apps subscribe to, shown once after it is made, with copy and revoke. */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const status = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [copied, setCopied] = useState(false);
  const [revoked, setRevoked] = useState(false);
  const created = create.data;

  const copy = (url: string) => {
    void navigator.clipboard
      .writeText(url)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };

  const body = (() => {
    if (status.isPending) return <LoadingMessage />;
    if (status.isError) return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
    const active = status.data.active;
    return (
      <>
        <ErrorAlert error={create.error ?? revoke.error} />
        {revoked && !active ? <SuccessMessage>{t('sessions.feed.revoked')}</SuccessMessage> : null}
        {created && active ? (
          <div className="stack">
            <label className="field__label" htmlFor="feed-url">
              {t('sessions.feed.url')}
            </label>
            <input id="feed-url" className="field__control feed-url" dir="ltr" readOnly value={created.url} data-testid="feed-url" onFocus={(event) => event.currentTarget.select()} />
            <div className="button-row">
              <button type="button" className="button button--secondary" onClick={() => copy(created.url)} data-testid="copy-feed-url">
                {t('sessions.feed.copy')}
              </button>
              <a className="button button--secondary" href={created.webcalUrl}>
                {t('sessions.feed.openInApp')}
              </a>
              <span role="status">{copied ? t('sessions.feed.copied') : ''}</span>
            </div>
            <p className="muted">{t('sessions.feed.secret')}</p>
          </div>
        ) : (
          <p className="muted">{active && status.data.createdAt ? t('sessions.feed.active', { date: formatDateTime(status.data.createdAt) }) : t('sessions.feed.none')}</p>
        )}
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={create.isPending}
            onClick={() => {
              setCopied(false);
              setRevoked(false);
              create.mutate();
            }}
            data-testid="create-feed"
          >
            {active ? t('sessions.feed.replace') : t('sessions.feed.create')}
          </button>
          {active ? (
            <button
              type="button"
              className="button button--danger"
              disabled={revoke.isPending}
              onClick={() =>
                revoke.mutate(undefined, {
                  onSuccess: () => {
                    create.reset();
                    setRevoked(true);
                  },
                })
              }
              data-testid="revoke-feed"
            >
              {t('sessions.feed.revoke')}
            </button>
          ) : null}
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
