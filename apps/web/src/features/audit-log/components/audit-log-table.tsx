import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateField } from '@web/components/date-time/date-field';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import type { AuditLogFilter } from '@web/features/audit-log/api/audit-log-api';
import { AUDIT_PAGE_SIZE, useAuditLogPage } from '@web/features/audit-log/hooks/use-audit-log-page';
import { useFormatDate, useFormatDateTime } from '@web/lib/use-format-date';
import { useNumberFormat } from '@web/lib/use-number-format';
import { describeAuditAction, describeAuditDetails, describeAuditSubject } from './audit-entry';

/** The families a reader filters by; the API takes a trailing dot as "every action of this family". */
const ACTION_FILTERS = ['', 'records.', 'records.read', 'records.import', 'records.delete', 'records.export', 'matching.commit', 'mentorship.', 'program.'] as const;
type ActionFilter = (typeof ACTION_FILTERS)[number];
const ACTION_FILTER_LABEL = {
  '': 'auditLog.filter.all',
  'records.': 'auditLog.filter.records',
  'records.read': 'auditLog.action.recordsRead',
  'records.import': 'auditLog.action.recordsImport',
  'records.delete': 'auditLog.action.recordsDelete',
  'records.export': 'auditLog.action.recordsExport',
  'matching.commit': 'auditLog.action.matchingCommit',
  'mentorship.': 'auditLog.filter.mentorships',
  'program.': 'auditLog.filter.program',
} as const satisfies Record<ActionFilter, string>;

const EMPTY_FILTER: AuditLogFilter = { action: '', from: '', to: '' };

/** Who did what to whose data, and when: filtered by kind and dates, a page at a time, newest first. */
export function AuditLogTable({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const formatDate = useFormatDate();
  const format = useNumberFormat();
  const [filter, setFilter] = useState<AuditLogFilter>(EMPTY_FILTER);
  const [page, setPage] = useState(0);
  const log = useAuditLogPage(programId, filter, page);
  const { control, register, handleSubmit, reset, watch } = useForm<AuditLogFilter>({ defaultValues: EMPTY_FILTER });
  const from = watch('from');

  const apply = handleSubmit((values) => {
    setFilter(values);
    setPage(0);
  });

  const body = (() => {
    if (log.isPending) return <LoadingMessage />;
    if (log.isError) return <QueryError error={log.error} onRetry={() => void log.refetch()} />;
    const { entries, hasNext } = log.data;
    if (entries.length === 0) return <p className="empty-state">{filter === EMPTY_FILTER ? t('auditLog.empty') : t('auditLog.noMatch')}</p>;
    return (
      <>
        <TableScroll labelledBy="audit-heading">
          <table className="table" aria-labelledby="audit-heading" data-testid="audit-log">
            <thead>
              <tr>
                <th scope="col">{t('auditLog.when')}</th>
                <th scope="col">{t('auditLog.who')}</th>
                <th scope="col">{t('auditLog.what')}</th>
                <th scope="col">{t('auditLog.whose')}</th>
                <th scope="col">{t('auditLog.details.heading')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                  <td>
                    <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                  </td>
                  <td>{entry.actorName ?? t('auditLog.system')}</td>
                  <td>{describeAuditAction(entry, t)}</td>
                  <td>
                    <span dir="ltr">{describeAuditSubject(entry, t)}</span>
                  </td>
                  <td dir="auto">{describeAuditDetails(entry, t, (day) => formatDate(day)) ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <nav className="form__actions" aria-label={t('auditLog.pages')}>
          <button type="button" className="button button--secondary" disabled={page === 0} onClick={() => setPage((p) => Math.max(0, p - 1))}>
            {t('auditLog.newer')}
          </button>
          <span className="muted">
            {t('auditLog.pageRange', { from: format.integer(page * AUDIT_PAGE_SIZE + 1), to: format.integer(page * AUDIT_PAGE_SIZE + entries.length) })}
          </span>
          <button type="button" className="button button--secondary" disabled={!hasNext} onClick={() => setPage((p) => p + 1)}>
            {t('auditLog.older')}
          </button>
        </nav>
      </>
    );
  })();

  return (
    <section className="panel stack" aria-labelledby="audit-heading">
      <h2 id="audit-heading" className="panel__title">
        {t('auditLog.heading')}
      </h2>
      <p className="field__hint">{t('auditLog.intro')}</p>
      <form className="form" noValidate onSubmit={(event) => void apply(event)} aria-label={t('auditLog.filter.heading')} data-testid="audit-filter">
        <div className="form__row">
        <div className="field">
          <label className="field__label" htmlFor="audit-action">
            {t('auditLog.filter.action')}
          </label>
          <select id="audit-action" className="field__control" {...register('action')} data-testid="audit-action">
            {ACTION_FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(ACTION_FILTER_LABEL[value])}
              </option>
            ))}
          </select>
        </div>
        <DateField id="audit-from" label={t('auditLog.filter.from')} control={control} name="from" />
        <DateField id="audit-to" label={t('auditLog.filter.to')} control={control} name="to" min={from || undefined} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" data-testid="audit-apply">
            {t('auditLog.filter.apply')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              reset(EMPTY_FILTER);
              setFilter(EMPTY_FILTER);
              setPage(0);
            }}
          >
            {t('auditLog.filter.clear')}
          </button>
        </div>
      </form>
      {body}
    </section>
  );
}
