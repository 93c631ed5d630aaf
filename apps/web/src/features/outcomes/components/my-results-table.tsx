import { useTranslation } from 'react-i18next';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { useMyAcademicRecords } from '@web/features/outcomes/hooks/use-my-academic-records';
import { useFormatDate } from '@web/lib/use-format-date';
import { useNumberFormat } from '@web/lib/use-number-format';

const PERCENT = 100;

/** A student's own assessment results, newest first: the only records a student may see. */
export function MyResultsTable() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const format = useNumberFormat();
  const records = useMyAcademicRecords();

  if (records.isPending) return <LoadingMessage />;
  if (records.isError) return <QueryError error={records.error} onRetry={() => void records.refetch()} />;
  if (records.data.length === 0) return <p className="empty-state">{t('results.empty')}</p>;

  // ISO dates sort correctly as strings.
  const newestFirst = [...records.data].sort((a, b) => b.takenOn.localeCompare(a.takenOn) || a.assessment.localeCompare(b.assessment));
  const programs = new Set(newestFirst.map((record) => record.programId));
  return (
    <section className="panel" aria-labelledby="results-heading">
      <h2 id="results-heading" className="panel__title">
        {t('results.heading', { count: records.data.length })}
      </h2>
      <TableScroll labelledBy="results-heading">
        <table className="table" aria-labelledby="results-heading" data-testid="results-table">
          <thead>
            <tr>
              <th scope="col">{t('results.assessment')}</th>
              {programs.size > 1 ? <th scope="col">{t('results.program')}</th> : null}
              <th scope="col">{t('results.date')}</th>
              <th scope="col">{t('results.score')}</th>
              <th scope="col">{t('results.percent')}</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((record) => (
              <tr key={record.id} data-testid="result-row">
                <th scope="row">{record.assessment}</th>
                {programs.size > 1 ? <td>{record.programName}</td> : null}
                <td>{formatDate(record.takenOn)}</td>
                <td className="numeric">{t('results.scoreOf', { score: record.score, max: record.maxScore })}</td>
                <td className="numeric">{format.share(record.value / PERCENT) ?? t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
