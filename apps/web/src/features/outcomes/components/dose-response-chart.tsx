import { useTranslation } from 'react-i18next';
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, XAxis, YAxis } from 'recharts';
import type { DoseResponse } from '@pm/contracts';
import { ChartFigure } from './chart-figure';
import { AXIS_COLOUR, CHART_HEIGHT, INITIAL_DIMENSION } from './chart-layout';
import { Stat } from './not-enough';
import { useStatFormat } from './use-stat-format';

/** Change against sessions held, one dot per mentored student, with the least-squares line and its slope. */
export function DoseResponseChart({ dose }: { dose: DoseResponse }) {
  const { t } = useTranslation();
  const stat = useStatFormat();
  const title = t('evaluation.dose.title');
  const header = (
    <>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('evaluation.dose.slope')}</dt>
          <dd data-testid="dose-slope">
            <Stat value={stat.change(dose.slope)} />
          </dd>
        </div>
        <div className="stat">
          <dt>{t('outcomes.table.ci95')}</dt>
          <dd>
            <Stat value={stat.interval(dose.ci95)} />
          </dd>
        </div>
        <div className="stat">
          <dt>{t('outcomes.table.pValue')}</dt>
          <dd>
            <Stat value={stat.pValue(dose.pValue)} />
          </dd>
        </div>
        <div className="stat">
          <dt>{t('outcomes.table.n')}</dt>
          <dd>{stat.integer(dose.n)}</dd>
        </div>
      </dl>
      <p className="muted">{t('evaluation.dose.explain')}</p>
    </>
  );
  if (dose.slope === null || dose.intercept === null || dose.points.length === 0) {
    return (
      <section aria-labelledby="dose-heading" className="stack" data-testid="dose-response">
        <h3 id="dose-heading" className="subsection-title">
          {title}
        </h3>
        {header}
        <p className="empty-state">{t('evaluation.dose.notEnough')}</p>
      </section>
    );
  }
  const xs = dose.points.map((p) => p.sessions);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const line = [
    { sessions: x0, fitted: dose.intercept + dose.slope * x0 },
    { sessions: x1, fitted: dose.intercept + dose.slope * x1 },
  ];
  const table = (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('evaluation.dose.sessions')}</th>
          <th scope="col">{t('evaluation.dose.change')}</th>
        </tr>
      </thead>
      <tbody>
        {dose.points.map((p, i) => (
          <tr key={i}>
            <td>{stat.integer(p.sessions)}</td>
            <td>{stat.change(p.change)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby="dose-heading" className="stack" data-testid="dose-response">
      <h3 id="dose-heading" className="subsection-title">
        {title}
      </h3>
      {header}
      <ChartFigure id="chart-dose" title={t('evaluation.dose.chartTitle')} description={t('evaluation.dose.caption')} table={table} level={4}>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={INITIAL_DIMENSION}>
          <ComposedChart margin={{ top: 16, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="sessions"
              domain={[0, 'dataMax']}
              allowDecimals={false}
              stroke={AXIS_COLOUR}
              tickFormatter={(value: number) => stat.integer(value)}
              label={{ value: t('evaluation.dose.sessions'), position: 'insideBottom', offset: -12 }}
            />
            <YAxis type="number" stroke={AXIS_COLOUR} tickFormatter={(value: number) => stat.decimal(value, { digits: 0 }) ?? ''} />
            <Scatter data={dose.points} dataKey="change" fill="#1d4ed8" fillOpacity={0.6} isAnimationActive={false} />
            <Line data={line} dataKey="fitted" stroke="#b91c1c" strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartFigure>
    </section>
  );
}
