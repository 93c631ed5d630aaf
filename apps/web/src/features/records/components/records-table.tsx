import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcademicRecordResponse } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { RECORDS_PAGE_SIZE, useDeleteRecord, useProgramRecords } from '@web/features/records/hooks/use-program-records';
import { useDebouncedValue } from '@web/lib/use-debounced-value';
import { useFormatDate } from '@web/lib/use-format-date';
import { useNumberFormat } from '@web/lib/use-number-format';

const PERCENT = 100;

/** Delete asks once more in place: a grade deleted by a stray tap is a grade to import again. */
function DeleteButton({ record, onDelete, busy }: { record: AcademicRecordResponse; onDelete: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)} aria-label={t('academicRecords.deleteLabel', { assessment: record.assessment, email: record.studentEmail })}>
        {t('academicRecords.delete')}
      </button>
    );
  }
  return (
    <span className="form__actions">
      <button type="button" className="button button--danger button--small" onClick={onDelete} disabled={busy} data-testid="record-delete-confirm">
        {t('academicRecords.confirmDelete')}
      </button>
      <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)} disabled={busy}>
        {t('academicRecords.keep')}
      </button>
    </span>
  );
}

/** The program's imported records, searchable and paged, each one deletable by its coordinators. */
export function RecordsTable({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const format = useNumberFormat();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const q = useDebouncedValue(search.trim());
  const records = useProgramRecords(programId, q, page);
  const remove = useDeleteRecord(programId);

  const body = (() => {
    if (records.isPending) return <LoadingMessage />;
    if (records.isError) return <QueryError error={records.error} onRetry={() => void records.refetch()} />;
    const { records: rows, hasNext } = records.data;
    if (rows.length === 0) return <p className="empty-state">{q ? t('academicRecords.noMatch') : t('academicRecords.empty')}</p>;
    return (
      <>
        <TableScroll labelledBy="records-heading">
          <table className="table" aria-labelledby="records-heading" data-testid="records-table">
            <thead>
              <tr>
                <th scope="col">{t('academicRecords.student')}</th>
                <th scope="col">{t('academicRecords.assessment')}</th>
                <th scope="col">{t('academicRecords.takenOn')}</th>
                <th scope="col">{t('academicRecords.score')}</th>
                <th scope="col">{t('academicRecords.percent')}</th>
                <th scope="col">{t('academicRecords.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((record) => (
                <tr key={record.id} data-testid="record-row">
                  <td dir="ltr">{record.studentEmail}</td>
                  <td dir="auto">{record.assessment}</td>
                  <td>{formatDate(record.takenOn)}</td>
                  <td className="numeric">{t('results.scoreOf', { score: record.score, max: record.maxScore })}</td>
                  <td className="numeric">{format.share(record.value / PERCENT) ?? t('common.none')}</td>
                  <td>
                    <DeleteButton record={record} onDelete={() => remove.mutate(record.id)} busy={remove.isPending} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <nav className="form__actions" aria-label={t('academicRecords.pages')}>
          <button type="button" className="button button--secondary" disabled={page === 0} onClick={() => setPage((p) => Math.max(0, p - 1))}>
            {t('academicRecords.previous')}
          </button>
          <span className="muted">
            {t('academicRecords.pageRange', { from: format.integer(page * RECORDS_PAGE_SIZE + 1), to: format.integer(page * RECORDS_PAGE_SIZE + rows.length) })}
          </span>
          <button type="button" className="button button--secondary" disabled={!hasNext} onClick={() => setPage((p) => p + 1)} data-testid="records-next">
            {t('academicRecords.next')}
          </button>
        </nav>
      </>
    );
  })();

  return (
    <section className="panel stack" aria-labelledby="records-heading">
      <h2 id="records-heading" className="panel__title">
        {t('academicRecords.heading')}
      </h2>
      <p className="field__hint">{t('academicRecords.auditNote')}</p>
      <div className="field">
        <label className="field__label" htmlFor="records-search">
          {t('academicRecords.search')}
        </label>
        <input
          id="records-search"
          type="search"
          className="field__control"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPage(0);
          }}
          data-testid="records-search"
        />
      </div>
      <ErrorAlert error={remove.error} />
      {remove.isSuccess ? (
        <p className="alert alert--success" role="status">
          {t('academicRecords.deleted')}
        </p>
      ) : null}
      {body}
    </section>
  );
}
