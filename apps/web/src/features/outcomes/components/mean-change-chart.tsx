import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { isShowable } from '@web/lib/format-number';
import { ChartFigure } from './chart-figure';
import { AXIS_COLOUR, CHART_HEIGHT, INITIAL_DIMENSION, useChartDirection } from './chart-layout';
import { Stat } from './not-enough';
import { GROUP_COLOURS, type GroupKey, type NamedGroup } from './outcome-groups';
import { useStatFormat } from './use-stat-format';

interface ChangePoint {
  key: GroupKey;
  label: string;
  change: number;
  /** Distances from the mean down to the interval's low end and up to its high end, as ErrorBar wants them. */
  error: [number, number];
}

/** Each group's mean change with its 95% interval as an error bar; a group without a mean is left out and said so. */
export function MeanChangeChart({ id, title, groups, level = 3 }: { id: string; title: string; groups: readonly NamedGroup[]; level?: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const { t } = useTranslation();
  const stat = useStatFormat();
  const { reversed, valueAxis } = useChartDirection();

  const points: ChangePoint[] = groups.flatMap(({ key, group }) => {
    if (!isShowable(group.meanChange)) return [];
    const change = group.meanChange;
    const ci = group.ci95;
    const error: [number, number] = ci && isShowable(ci[0]) && isShowable(ci[1]) ? [change - ci[0], ci[1] - change] : [0, 0];
    return [{ key, label: t(`outcomes.group.${key}`), change, error }];
  });

  if (points.length === 0) {
    return (
      <section aria-labelledby={`${id}-title`} data-testid={`${id}-empty`}>
        <Heading id={`${id}-title`} className="subsection-title">
          {title}
        </Heading>
        <p className="empty-state">{t('outcomes.chartNotEnough')}</p>
      </section>
    );
  }

  const table = (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('outcomes.table.group')}</th>
          <th scope="col">{t('outcomes.table.n')}</th>
          <th scope="col">{t('outcomes.table.meanChange')}</th>
          <th scope="col">{t('outcomes.table.ci95')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map(({ key, group }) => (
          <tr key={key}>
            <th scope="row">{t(`outcomes.group.${key}`)}</th>
            <td>{stat.integer(group.n)}</td>
            <td>
              <Stat value={stat.change(group.meanChange)} />
            </td>
            <td>
              <Stat value={stat.interval(group.ci95)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFigure id={id} title={title} description={t('outcomes.charts.meanChangeCaption')} table={table} level={level}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={INITIAL_DIMENSION}>
        <BarChart data={points} margin={{ top: 16, right: 16, bottom: 8, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" reversed={reversed} stroke={AXIS_COLOUR} />
          <YAxis orientation={valueAxis} stroke={AXIS_COLOUR} tickFormatter={(value: number) => stat.decimal(value, { digits: 0 }) ?? ''} />
          <ReferenceLine y={0} stroke={AXIS_COLOUR} />
          <Bar dataKey="change" isAnimationActive={false} maxBarSize={96}>
            {points.map((point) => (
              <Cell key={point.key} fill={GROUP_COLOURS[point.key]} />
            ))}
            <ErrorBar dataKey="error" width={10} strokeWidth={2} stroke="#111827" isAnimationActive={false} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
