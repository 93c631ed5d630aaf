import { useTranslation } from 'react-i18next';
import type { SurveyItemSummary } from '@pm/contracts';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { Stat } from '@web/features/outcomes/components/not-enough';
import { useStatFormat } from '@web/features/outcomes/components/use-stat-format';
import { useSurveySummary } from '@web/features/surveys/hooks/use-surveys';

const SCALE = [1, 2, 3, 4, 5] as const;

/** The statement as the coordinator wrote or loaded it, with where it comes from underneath. */
function Statement({ item }: { item: SurveyItemSummary }) {
  const { t } = useTranslation();
  return (
    <th scope="row">
      <span dir="auto">
        {item.text}
      </span>
      <br />
      <small className="muted" data-testid="survey-summary-source">
        {item.source === null ? (
          t('surveys.ownSource')
        ) : (
          <>
            {t('surveys.source')} <bdi>{item.source}</bdi>
          </>
        )}
      </small>
    </th>
  );
}

/** Per statement, the students who answered at both waves: the paired change, its 95% interval and p. */
function ChangeTable({ items }: { items: SurveyItemSummary[] }) {
  const { t } = useTranslation();
  const stat = useStatFormat();
  return (
    <TableScroll labelledBy="survey-change-heading">
      <table className="table" aria-labelledby="survey-change-heading" data-testid="survey-change">
        <thead>
          <tr>
            <th scope="col">{t('surveys.summary.statement')}</th>
            <th scope="col">{t('surveys.summary.baselineN')}</th>
            <th scope="col">{t('surveys.summary.baselineMean')}</th>
            <th scope="col">{t('surveys.summary.endMean')}</th>
            <th scope="col">{t('surveys.summary.pairs')}</th>
            <th scope="col">{t('surveys.summary.change')}</th>
            <th scope="col">{t('surveys.summary.interval')}</th>
            <th scope="col">{t('surveys.summary.pValue')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.itemId}>
              <th scope="row" dir="auto">
                {item.text}
              </th>
              <td className="numeric">{stat.integer(item.baselineN)}</td>
              <td className="numeric">
                <Stat value={stat.decimal(item.baselineMean)} />
              </td>
              <td className="numeric">
                <Stat value={stat.decimal(item.mean)} />
              </td>
              <td className="numeric">{stat.integer(item.change.n)}</td>
              <td className="numeric">
                <Stat value={stat.change(item.change.meanChange)} />
              </td>
              <td className="numeric">
                <Stat value={stat.interval(item.change.ci95)} />
              </td>
              <td className="numeric">
                <Stat value={stat.pValue(item.change.pValue)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * Coordinators: how mentees rated each statement at the end (how many answered, the mean, the spread and every
 * count) and, where it was also asked before mentoring began, how each student's answer changed.
 */
export function SurveySummary({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const format = useStatFormat();
  const summary = useSurveySummary(programId);

  const body = (() => {
    if (summary.isPending) return <LoadingMessage />;
    if (summary.isError) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
    const { respondents, baselineRespondents, items } = summary.data;
    const repeated = items.filter((item) => item.baselineN > 0 || item.change.n > 0);
    return (
      <>
        <p data-testid="survey-respondents">{t('surveys.summary.respondents', { count: respondents, n: format.integer(respondents) })}</p>
        <p data-testid="survey-baseline-respondents">{t('surveys.summary.baselineRespondents', { count: baselineRespondents, n: format.integer(baselineRespondents) })}</p>
        {respondents === 0 ? (
          <p className="empty-state">{baselineRespondents === 0 ? t('surveys.summary.none') : t('surveys.summary.noneAtEnd')}</p>
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
                    <Statement item={item} />
                    <td className="numeric">{format.integer(item.n)}</td>
                    <td className="numeric">
                      <Stat value={format.decimal(item.mean)} />
                    </td>
                    <td className="numeric">
                      <Stat value={format.decimal(item.sd)} />
                    </td>
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
        <h3 id="survey-change-heading" className="subsection-title">
          {t('surveys.summary.changeHeading')}
        </h3>
        {baselineRespondents === 0 || repeated.length === 0 ? (
          <p className="empty-state">{t('surveys.summary.noBaseline')}</p>
        ) : (
          <>
            <p className="muted">{t('surveys.summary.changeIntro')}</p>
            <ChangeTable items={repeated} />
            <p className="muted">{t('surveys.summary.notEnough')}</p>
          </>
        )}
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
