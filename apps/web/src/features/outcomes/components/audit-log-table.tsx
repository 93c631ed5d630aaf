import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { useAuditLog } from '@web/features/outcomes/hooks/use-audit-log';
import { useFormatDateTime } from '@web/lib/use-format-date';
import { describeAuditAction, describeAuditDetails, describeAuditSubject } from './audit-entry';

const PAGE_SIZE = 50;

/** Who imported or read whose records, and when: the trail the contract requires for every read of a grade. */
export function AuditLogTable({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const log = useAuditLog(programId);
  const [shown, setShown] = useState(PAGE_SIZE);

  const body = (() => {
    if (log.isPending) return <LoadingMessage />;
    if (log.isError) return <QueryError error={log.error} onRetry={() => void log.refetch()} />;
    if (log.data.length === 0) return <p className="empty-state">{t('outcomes.audit.empty')}</p>;
    const visible = log.data.slice(0, shown);
    return (
      <>
        <TableScroll labelledBy="audit-heading">
          <table className="table" aria-labelledby="audit-heading" data-testid="audit-log">
            <thead>
              <tr>
                <th scope="col">{t('outcomes.audit.when')}</th>
                <th scope="col">{t('outcomes.audit.who')}</th>
                <th scope="col">{t('outcomes.audit.what')}</th>
                <th scope="col">{t('outcomes.audit.whose')}</th>
                <th scope="col">{t('outcomes.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                  </td>
                  <td>{entry.actorName ?? t('outcomes.audit.system')}</td>
                  <td>{describeAuditAction(entry, t)}</td>
                  <td>
                    <span dir="ltr">{describeAuditSubject(entry, t)}</span>
                  </td>
                  <td>{describeAuditDetails(entry, t) ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {log.data.length > visible.length ? (
          <div className="table-more">
            <button type="button" className="button button--secondary" onClick={() => setShown((count) => count + PAGE_SIZE)}>
              {t('outcomes.audit.showMore')}
            </button>
          </div>
        ) : null}
      </>
    );
  })();

  return (
    <section className="panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading" className="panel__title">
        {t('outcomes.audit.heading')}
      </h2>
      <p className="field__hint">{t('outcomes.audit.intro')}</p>
      {body}
    </section>
  );
}
