import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { usePairLogs } from '@web/features/relationship/hooks/use-relationship';
import { useFormatDate } from '@web/lib/use-format-date';
import { useNumberFormat } from '@web/lib/use-number-format';

/** The pair's session logs, newest first. A note is shown only when the API sent one (to the pair, never to coordinators). */
export function SessionLogsList({ mentorshipId, canLog }: { mentorshipId: string; canLog: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const n = useNumberFormat();
  const logs = usePairLogs(mentorshipId);
  return (
    <section className="panel stack" aria-labelledby="logs-heading" data-testid="session-logs">
      <h2 id="logs-heading" className="panel__title">
        {t('relationship.logs.title')}
      </h2>
      {logs.isPending ? <LoadingMessage /> : null}
      {logs.isError ? <QueryError error={logs.error} onRetry={() => void logs.refetch()} /> : null}
      {logs.data && logs.data.length === 0 ? <p className="empty-state">{t('relationship.logs.empty')}</p> : null}
      {logs.data && logs.data.length > 0 ? (
        <ul className="session-list">
          {logs.data.map((log) => (
            <li key={log.sessionId} className="session">
              <h3 className="person__name">
                <time dateTime={log.startsAt}>{formatDate(log.startsAt, 'medium')}</time> · {t('relationship.logs.minutes', { count: log.minutes, n: n.integer(log.minutes) })}
              </h3>
              <p>{log.topics.map((topic) => t(`relationship.topic.${topic}`)).join(t('relationship.listSeparator'))}</p>
              {'note' in log && log.note ? <p className="muted">{log.note}</p> : null}
              {canLog ? <Link to={`/sessions/${log.sessionId}/log`}>{t('relationship.logs.edit')}</Link> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
