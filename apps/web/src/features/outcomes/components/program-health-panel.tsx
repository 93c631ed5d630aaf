import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { QUIET_PAIR_DAYS, type ProgramHealth } from '@pm/contracts';
import { useFormatDate } from '@web/lib/use-format-date';
import { ChartFigure } from './chart-figure';
import { AXIS_COLOUR, CHART_HEIGHT, INITIAL_DIMENSION, useChartDirection } from './chart-layout';
import { Stat } from './not-enough';
import { useStatFormat } from './use-stat-format';

const MODALITY_COLOURS = { in_person: '#1d4ed8', virtual: '#b45309' } as const;

function SessionsPerWeekChart({ weeks }: { weeks: ProgramHealth['sessionsPerWeek'] }) {
  const { t } = useTranslation();
  const stat = useStatFormat();
  const formatDate = useFormatDate();
  const { reversed, valueAxis } = useChartDirection();
  const title = t('outcomes.health.perWeekTitle');
  if (weeks.length === 0) {
    return (
      <section aria-labelledby="sessions-per-week-title" data-testid="sessions-per-week">
        <h4 id="sessions-per-week-title" className="subsection-title">
          {title}
        </h4>
        <p className="empty-state">{t('outcomes.health.noSessions')}</p>
      </section>
    );
  }
  const inPerson = t('outcomes.group.in_person');
  const virtual = t('outcomes.group.virtual');
  const data = weeks.map((week) => ({ label: formatDate(week.weekStart, 'short'), in_person: week.in_person, virtual: week.virtual }));
  const table = (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('outcomes.health.weekOf')}</th>
          <th scope="col">{inPerson}</th>
          <th scope="col">{virtual}</th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.weekStart}>
            <th scope="row">{formatDate(week.weekStart, 'medium')}</th>
            <td>{stat.integer(week.in_person)}</td>
            <td>{stat.integer(week.virtual)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure id="sessions-per-week" title={title} description={t('outcomes.health.perWeekCaption')} table={table} level={4}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={INITIAL_DIMENSION}>
        <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" reversed={reversed} stroke={AXIS_COLOUR} />
          <YAxis orientation={valueAxis} allowDecimals={false} stroke={AXIS_COLOUR} tickFormatter={(value: number) => stat.integer(value)} />
          <Legend itemSorter={null} />
          <Bar dataKey="in_person" name={inPerson} stackId="week" fill={MODALITY_COLOURS.in_person} isAnimationActive={false} />
          <Bar dataKey="virtual" name={virtual} stackId="week" fill={MODALITY_COLOURS.virtual} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** Is the program running: how many mentees have a mentor, how often pairs meet, and which pairs went quiet. */
export function ProgramHealthPanel({ health }: { health: ProgramHealth }) {
  const { t } = useTranslation();
  const { programId } = useParams();
  const stat = useStatFormat();
  const quiet = health.pairsWithoutRecentSession.length;
  return (
    <section aria-labelledby="health-heading" className="stack" data-testid="program-health">
      <h3 id="health-heading" className="subsection-title">
        {t('outcomes.health.heading')}
      </h3>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('outcomes.health.matchRate')}</dt>
          <dd data-testid="match-rate">
            <Stat value={stat.share(health.matchRate, 0)} />
          </dd>
        </div>
        <div className="stat">
          <dt>{t('outcomes.health.matchedOfEnrolled')}</dt>
          <dd>{t('outcomes.health.matchedCount', { matched: stat.integer(health.matchedMentees), enrolled: stat.integer(health.enrolledMentees) })}</dd>
        </div>
      </dl>
      <SessionsPerWeekChart weeks={health.sessionsPerWeek} />
      {/* The list of quiet pairs moved to the pair-health board, which says why each pair needs attention and
          links to act; here only the count stays, pointing there. */}
      <section aria-labelledby="quiet-pairs-heading" data-testid="quiet-pairs">
        <h4 id="quiet-pairs-heading" className="subsection-title">
          {t('outcomes.health.quietHeading')}
        </h4>
        <p data-testid="quiet-count">
          {quiet === 0 ? t('outcomes.health.quietNone', { days: QUIET_PAIR_DAYS }) : t('outcomes.health.quietCount', { count: quiet, days: QUIET_PAIR_DAYS })}
        </p>
        {programId ? (
          <p>
            {t('outcomes.health.quietBoard')}{' '}
            <Link to={`/programs/${programId}/pair-health`} data-testid="pair-health-board-link">
              {t('relationship.links.board')}
            </Link>
          </p>
        ) : null}
      </section>
    </section>
  );
}

type Strength = 'none' | 'weak' | 'moderate' | 'strong';
const strengthOf = (r: number): Strength => {
  const size = Math.abs(r);
  if (size < 0.1) return 'none';
  if (size < 0.3) return 'weak';
  if (size < 0.5) return 'moderate';
  return 'strong';
};

/** Did students who attended more sessions improve more? A correlation, read in words, with its caveat. */
export function SessionsVsChangePanel({ result }: { result: { n: number; r: number | null; pValue: number | null; ci95: [number, number] | null } }) {
  const { t } = useTranslation();
  const stat = useStatFormat();
  const { n, r, pValue } = result;
  const reading = (() => {
    if (r === null) return t('outcomes.sessionsVsChange.notEnough');
    const strength = strengthOf(r);
    if (strength === 'none') return t('outcomes.sessionsVsChange.reading.none');
    const direction = r > 0 ? 'positive' : 'negative';
    return t(`outcomes.sessionsVsChange.reading.${direction}`, { strength: t(`outcomes.sessionsVsChange.strength.${strength}`) });
  })();
  return (
    <section aria-labelledby="sessions-vs-change-heading" data-testid="sessions-vs-change">
      <h3 id="sessions-vs-change-heading" className="subsection-title">
        {t('outcomes.sessionsVsChange.heading')}
      </h3>
      <p className="lead" data-testid="sessions-vs-change-reading">
        {reading}
      </p>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('outcomes.table.n')}</dt>
          <dd>{stat.integer(n)}</dd>
        </div>
        <div className="stat">
          <dt>{t('outcomes.sessionsVsChange.r')}</dt>
          <dd>
            <Stat value={stat.statistic(r)} />
          </dd>
        </div>
        <div className="stat">
          <dt>{t('outcomes.table.pValue')}</dt>
          <dd>
            <Stat value={stat.pValue(pValue)} />
          </dd>
        </div>
      </dl>
      <p className="muted">{t('outcomes.sessionsVsChange.caveat')}</p>
    </section>
  );
}
