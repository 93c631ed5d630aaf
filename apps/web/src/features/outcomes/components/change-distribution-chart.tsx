import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { OutcomesResponse } from '@pm/contracts';
import { ChartFigure } from './chart-figure';
import { AXIS_COLOUR, CHART_HEIGHT, INITIAL_DIMENSION } from './chart-layout';
import { buildHistogram, edgeDigits } from './histogram';
import { Stat } from './not-enough';
import { GROUP_COLOURS } from './outcome-groups';
import { useStatFormat } from './use-stat-format';

const PERCENT = 100;

/**
 * How individual changes spread in each group, on shared bins. Bars show the share of each group, not counts,
 * because the comparison group is usually much larger; the table beside has both.
 */
export function ChangeDistributionChart({ changes }: { changes: OutcomesResponse['changes'] }) {
  const { t } = useTranslation();
  const stat = useStatFormat();
  const bins = useMemo(() => buildHistogram(changes.mentored, changes.comparison), [changes]);
  const title = t('outcomes.charts.distributionTitle');

  if (bins.length === 0) {
    return (
      <section aria-labelledby="chart-distribution-title" data-testid="chart-distribution-empty">
        <h3 id="chart-distribution-title" className="subsection-title">
          {title}
        </h3>
        <p className="empty-state">{t('outcomes.chartNotEnough')}</p>
      </section>
    );
  }

  const digits = edgeDigits(bins);
  const binLabel = (start: number, end: number): string =>
    t('outcomes.charts.binLabel', { start: stat.decimal(start, { digits }) ?? '', end: stat.decimal(end, { digits }) ?? '' });
  const mentoredName = t('outcomes.group.mentored');
  const comparisonName = t('outcomes.group.comparison');
  const data = bins.map((bin) => ({
    label: binLabel(bin.start, bin.end),
    mentored: bin.mentoredShare === null ? null : bin.mentoredShare * PERCENT,
    comparison: bin.comparisonShare === null ? null : bin.comparisonShare * PERCENT,
  }));
  const countWithShare = (count: number, share: number | null): string | null => {
    const formatted = stat.share(share, 0);
    return formatted === null ? null : t('outcomes.charts.countWithShare', { count, n: stat.integer(count), share: formatted });
  };

  const table = (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('outcomes.charts.changeRange')}</th>
          <th scope="col">{mentoredName}</th>
          <th scope="col">{comparisonName}</th>
        </tr>
      </thead>
      <tbody>
        {bins.map((bin) => (
          <tr key={bin.start}>
            <th scope="row">{binLabel(bin.start, bin.end)}</th>
            <td>
              <Stat value={countWithShare(bin.mentored, bin.mentoredShare)} />
            </td>
            <td>
              <Stat value={countWithShare(bin.comparison, bin.comparisonShare)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFigure
      id="chart-distribution"
      title={title}
      description={t('outcomes.charts.distributionCaption', { mentored: stat.integer(changes.mentored.length), comparison: stat.integer(changes.comparison.length) })}
      table={table}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={INITIAL_DIMENSION}>
        <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 16 }} barCategoryGap={2} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" stroke={AXIS_COLOUR} interval="preserveStartEnd" />
          <YAxis stroke={AXIS_COLOUR} tickFormatter={(value: number) => stat.share(value / PERCENT, 0) ?? ''} />
          {/* In the order the bars are drawn, not alphabetical, which would list "after" before "before". */}
          <Legend itemSorter={null} />
          <Bar dataKey="mentored" name={mentoredName} fill={GROUP_COLOURS.mentored} isAnimationActive={false} />
          <Bar dataKey="comparison" name={comparisonName} fill={GROUP_COLOURS.comparison} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
