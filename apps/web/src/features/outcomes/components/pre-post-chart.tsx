import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { isShowable } from '@web/lib/format-number';
import { ChartFigure } from './chart-figure';
import { AXIS_COLOUR, CHART_HEIGHT, INITIAL_DIMENSION, useChartDirection } from './chart-layout';
import { Stat } from './not-enough';
import type { NamedGroup } from './outcome-groups';
import { useStatFormat } from './use-stat-format';

const BEFORE_COLOUR = '#9ca3af';
const AFTER_COLOUR = '#1d4ed8';
const MAX_VALUE = 100;

/** Mean result before and after the start, side by side per group, on the 0–100 scale records are stored in. */
export function PrePostChart({ id, title, groups }: { id: string; title: string; groups: readonly NamedGroup[] }) {
  const { t } = useTranslation();
  const stat = useStatFormat();
  const { reversed, valueAxis } = useChartDirection();
  const data = groups
    .filter(({ group }) => isShowable(group.preMean) && isShowable(group.postMean))
    .map(({ key, group }) => ({ key, label: t(`outcomes.group.${key}`), before: group.preMean, after: group.postMean }));

  if (data.length === 0) return null;

  const before = t('outcomes.table.preMean');
  const after = t('outcomes.table.postMean');
  const table = (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('outcomes.table.group')}</th>
          <th scope="col">{before}</th>
          <th scope="col">{after}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map(({ key, group }) => (
          <tr key={key}>
            <th scope="row">{t(`outcomes.group.${key}`)}</th>
            <td>
              <Stat value={stat.mean(group.preMean)} />
            </td>
            <td>
              <Stat value={stat.mean(group.postMean)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFigure id={id} title={title} description={t('outcomes.charts.prePostCaption')} table={table}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={INITIAL_DIMENSION}>
        <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" reversed={reversed} stroke={AXIS_COLOUR} />
          <YAxis orientation={valueAxis} domain={[0, MAX_VALUE]} stroke={AXIS_COLOUR} tickFormatter={(value: number) => stat.decimal(value, { digits: 0 }) ?? ''} />
          {/* In the order the bars are drawn, not alphabetical, which would list "after" before "before". */}
          <Legend itemSorter={null} />
          <Bar dataKey="before" name={before} fill={BEFORE_COLOUR} isAnimationActive={false} maxBarSize={64} />
          <Bar dataKey="after" name={after} fill={AFTER_COLOUR} isAnimationActive={false} maxBarSize={64} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
