import { useTranslation } from 'react-i18next';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { useSurveySummary } from '@web/features/surveys/hooks/use-surveys';
import { useNumberFormat } from '@web/lib/use-number-format';

const SCALE = [1, 2, 3, 4, 5] as const;

/** Coordinators: how mentees rated each statement: how many answered, the mean, the spread and every count. */
export function SurveySummary({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const summary = useSurveySummary(programId);

  const body = (() => {
    if (summary.isPending) return <LoadingMessage />;
    if (summary.isError) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
    const { respondents, items } = summary.data;
    return (
      <>
        <p data-testid="survey-respondents">{t('surveys.summary.respondents', { count: respondents, n: format.integer(respondents) })}</p>
        {respondents === 0 ? (
          <p className="empty-state">{t('surveys.summary.none')}</p>
        ) : (
          <TableScroll labelledBy="survey-summary-heading">
            <table className="table" aria-labelledby="survey-summary-heading" data-testid="survey-summary">
              <thead>
                <tr>
                  <th scope="col">{t('surveys.summary.statement')}</th>
                  <th scope="col">{t('surveys.summary.n')}</th>
                  <th scope="col">{t('surveys.summary.mean')}</th>
                  <th scope="col">{t('surveys.summary.sd')}</th>
                  {SCALE.map((value) => (
                    <th scope="col" key={value}>
                      {format.integer(value)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.itemId}>
                    <th scope="row" dir="auto">
                      {item.text}
                    </th>
                    <td className="numeric">{format.integer(item.n)}</td>
                    <td className="numeric">{format.decimal(item.mean) ?? t('common.none')}</td>
                    <td className="numeric">{format.decimal(item.sd) ?? t('common.none')}</td>
                    {SCALE.map((value, i) => (
                      <td className="numeric" key={value}>
                        {format.integer(item.distribution[i] ?? 0)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <p className="muted">{t('surveys.summary.scaleNote')}</p>
      </>
    );
  })();

  return (
    <section className="panel stack" aria-labelledby="survey-summary-heading">
      <h2 id="survey-summary-heading" className="panel__title">
        {t('surveys.summary.heading')}
      </h2>
      {body}
    </section>
  );
}
