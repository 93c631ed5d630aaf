import { useTranslation } from 'react-i18next';
import type { AdjustedEstimate, OutcomeDifference, OutcomeGroup, OutcomesResponse } from '@pm/contracts';
import { TableScroll } from '@web/components/table-scroll';
import { Stat } from './not-enough';
import { useStatFormat } from './use-stat-format';

/** A gap in mean before values (points) from which the one-line explanation names regression to the mean. */
const BASELINE_GAP = 2;

interface Comparison {
  key: 'randomized' | 'observational';
  adjusted: AdjustedEstimate;
  difference: OutcomeDifference;
  treated: OutcomeGroup;
  control: OutcomeGroup;
}

/**
 * The baseline-adjusted estimate (ANCOVA) beside the unadjusted difference in change, with one line on why they
 * differ; the randomized comparison by allocation first when the program had a lottery.
 */
export function AdjustedEstimatePanel({ outcomes }: { outcomes: OutcomesResponse }) {
  const { t } = useTranslation();
  const comparisons: Comparison[] = [
    ...(outcomes.randomized
      ? [{ key: 'randomized' as const, adjusted: outcomes.randomized.adjusted, difference: outcomes.randomized.difference, treated: outcomes.randomized.offered, control: outcomes.randomized.waitlisted }]
      : []),
    { key: 'observational', adjusted: outcomes.adjusted, difference: outcomes.difference, treated: outcomes.mentored, control: outcomes.comparison },
  ];
  return (
    <section aria-labelledby="adjusted-heading" className="stack" data-testid="adjusted-estimate">
      <h3 id="adjusted-heading" className="subsection-title">
        {t('evaluation.adjusted.heading')}
      </h3>
      <p className="muted">{t('evaluation.adjusted.explain')}</p>
      {comparisons.map((c) => (
        <ComparisonBlock key={c.key} comparison={c} />
      ))}
      <ModalityTable outcomes={outcomes} />
    </section>
  );
}

function ComparisonBlock({ comparison: c }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const stat = useStatFormat();
  const gap = c.treated.preMean !== null && c.control.preMean !== null ? c.treated.preMean - c.control.preMean : null;
  const why = (() => {
    if (c.adjusted.estimate === null) return t('evaluation.adjusted.notEnough');
    if (gap === null || Math.abs(gap) < BASELINE_GAP) return t('evaluation.adjusted.whySame');
    return t('evaluation.adjusted.whyDiffer', { gap: stat.decimal(Math.abs(gap), { digits: 1 }) });
  })();
  return (
    <div className="stack" data-testid={`adjusted-${c.key}`}>
      <h4 className="subsection-title">{t(`evaluation.adjusted.${c.key}`)}</h4>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('evaluation.adjusted.adjustedLabel')}</dt>
          <dd data-testid={`adjusted-${c.key}-estimate`}>
            <strong>
              <Stat value={stat.change(c.adjusted.estimate)} />
            </strong>
          </dd>
        </div>
        <div className="stat">
          <dt>{t('outcomes.table.ci95')}</dt>
          <dd>
            <Stat value={stat.interval(c.adjusted.ci95)} />
          </dd>
        </div>
        <div className="stat">
          <dt>{t('outcomes.table.pValue')}</dt>
          <dd>
            <Stat value={stat.pValue(c.adjusted.pValue)} />
          </dd>
        </div>
        <div className="stat">
          <dt>{t('evaluation.adjusted.unadjustedLabel')}</dt>
          <dd data-testid={`adjusted-${c.key}-unadjusted`}>
            <Stat value={stat.change(c.difference.estimate)} />
          </dd>
        </div>
      </dl>
      <p data-testid={`adjusted-${c.key}-why`}>{why}</p>
    </div>
  );
}

function ModalityTable({ outcomes }: { outcomes: OutcomesResponse }) {
  const { t } = useTranslation();
  const stat = useStatFormat();
  const rows = [
    { key: 'in_person', estimate: outcomes.adjustedByModality.in_person },
    { key: 'virtual', estimate: outcomes.adjustedByModality.virtual },
  ] as const;
  return (
    <>
      <h4 id="adjusted-modality-title" className="subsection-title">
        {t('evaluation.adjusted.byModality')}
      </h4>
      <TableScroll labelledBy="adjusted-modality-title">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('outcomes.table.group')}</th>
              <th scope="col">{t('evaluation.adjusted.adjustedLabel')}</th>
              <th scope="col">{t('outcomes.table.ci95')}</th>
              <th scope="col">{t('outcomes.table.pValue')}</th>
              <th scope="col">{t('outcomes.table.n')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{t(`outcomes.group.${row.key}`)}</th>
                <td>
                  <Stat value={stat.change(row.estimate.estimate)} />
                </td>
                <td>
                  <Stat value={stat.interval(row.estimate.ci95)} />
                </td>
                <td>
                  <Stat value={stat.pValue(row.estimate.pValue)} />
                </td>
                <td>{stat.integer(row.estimate.n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
