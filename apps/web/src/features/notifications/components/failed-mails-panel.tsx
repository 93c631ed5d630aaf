import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { fetchFailedMails } from '@web/features/notifications/api/notifications-api';
import { useFormatDateTime } from '@web/lib/use-format-date';

/**
 * Admins: every mail that still failed after its retries, with the server's reason, so an SMTP problem is seen
 * and acted on instead of notices quietly not arriving. The in-app notification itself was delivered.
 */
export function FailedMailsPanel() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const failed = useQuery({ queryKey: ['admin', 'failed-mails'], queryFn: ({ signal }) => fetchFailedMails(signal) });
  return (
    <section className="panel" aria-labelledby="failed-mails-heading" data-testid="failed-mails">
      <h2 className="panel__title" id="failed-mails-heading">
        {t('notifications.failedMails.title')}
      </h2>
      <p className="muted">{t('notifications.failedMails.intro')}</p>
      {failed.isPending ? (
        <LoadingMessage />
      ) : failed.isError ? (
        <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
      ) : failed.data.length === 0 ? (
        <p className="empty-state">{t('notifications.failedMails.none')}</p>
      ) : (
        <TableScroll labelledBy="failed-mails-heading">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('notifications.failedMails.recipient')}</th>
                <th scope="col">{t('notifications.failedMails.kind')}</th>
                <th scope="col">{t('notifications.failedMails.when')}</th>
                <th scope="col">{t('notifications.failedMails.attempts')}</th>
                <th scope="col">{t('notifications.failedMails.error')}</th>
              </tr>
            </thead>
            <tbody>
              {failed.data.map((m) => (
                <tr key={m.notificationId}>
                  <td dir="ltr">{m.recipientEmail}</td>
                  <td>{t(`notifications.failedMails.kinds.${m.kind}`)}</td>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>{t('common.number', { value: m.attempts })}</td>
                  <td dir="ltr">
                    <code>{m.error ?? '—'}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
