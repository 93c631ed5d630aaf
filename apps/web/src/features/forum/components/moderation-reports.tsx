import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { useDismissReport, useForumReports, useSetPostHidden } from '@web/features/forum/hooks/use-forum';
import { useFormatDateTime } from '@web/lib/use-format-date';

/** Coordinators: what members reported, with the text, and the two ways to settle it. */
export function ModerationReports({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const reports = useForumReports(programId, true);
  const dismiss = useDismissReport();
  const setHidden = useSetPostHidden();
  const formatDateTime = useFormatDateTime();
  if (reports.isPending) return <LoadingMessage />;
  if (reports.isError) return <QueryError error={reports.error} onRetry={() => void reports.refetch()} />;
  return (
    <section className="panel" aria-labelledby="forum-reports-heading">
      <h2 id="forum-reports-heading">{t('forum.moderation.reportsTitle')}</h2>
      <ErrorAlert error={dismiss.error ?? setHidden.error} />
      {reports.data.length === 0 ? (
        <p className="empty-state">{t('forum.moderation.noReports')}</p>
      ) : (
        <ul className="forum-reports">
          {reports.data.map((r) => (
            <li key={r.id} className="forum-report-item">
              <p>
                <strong>{t('forum.moderation.reason')}</strong> <span dir="auto">{r.reason}</span>
              </p>
              <blockquote dir="auto">{r.excerpt}</blockquote>
              <p className="muted">
                {t('forum.moderation.reportedBy', { name: r.reporter.fullName, when: formatDateTime(r.createdAt) })}
                {r.postHiddenAt && <span className="badge badge--warning">{t('forum.hidden')}</span>}
              </p>
              <div className="actions">
                <Link className="button button--small button--secondary" to={`/forum/threads/${r.threadId}`}>
                  {t('forum.moderation.openThread')}
                </Link>
                {!r.postHiddenAt && (
                  <button type="button" className="button button--small button--secondary" onClick={() => setHidden.mutate({ postId: r.postId, hidden: true })}>
                    {t('forum.moderation.hide')}
                  </button>
                )}
                <button type="button" className="button button--small button--secondary" onClick={() => dismiss.mutate(r.id)}>
                  {t('forum.moderation.dismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
