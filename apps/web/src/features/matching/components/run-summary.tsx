import { useTranslation } from 'react-i18next';
import { DEFAULT_MATCHING_WEIGHTS, MATCHING_WEIGHT_KEYS, type MatchingRunResponse } from '@pm/contracts';
import { useNumberFormat } from '@web/lib/use-number-format';

const MS_PER_SECOND = 1000;

/** The certificate is typed loosely in the contract; only a literal `true` counts as proof. */
const isProvenOptimal = (run: MatchingRunResponse): boolean => run.algorithm === 'optimal' && run.certificate?.['verified'] === true;

export function RunSummary({ run }: { run: MatchingRunResponse }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const { matched, mentees, meanScore } = run.stats;
  // Computed here rather than read from `matchRate`, so the percentage always agrees with the two counts beside it.
  const rate = mentees > 0 ? matched / mentees : null;
  const duration =
    run.durationMs < MS_PER_SECOND
      ? t('matching.summary.milliseconds', { value: format.integer(run.durationMs) })
      : t('matching.summary.seconds', { value: format.decimal(run.durationMs / MS_PER_SECOND, { digits: 1 }) ?? '' });
  // A run always states its weights; anything missing was scored with the defaults.
  const weights = { ...DEFAULT_MATCHING_WEIGHTS, ...run.weights };
  const weightList = MATCHING_WEIGHT_KEYS.map((key) => `${t(`matching.weights.${key}.short`)} ${format.integer(weights[key])}`).join(' · ');
  const defaultWeights = MATCHING_WEIGHT_KEYS.every((key) => weights[key] === DEFAULT_MATCHING_WEIGHTS[key]);

  return (
    <div data-testid="run-summary">
      <h3 className="visually-hidden">{t('matching.summary.heading')}</h3>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('matching.summary.matched')}</dt>
          <dd data-testid="summary-matched">{t('matching.summary.matchedValue', { matched: format.integer(matched), mentees: format.integer(mentees) })}</dd>
        </div>
        <div className="stat">
          <dt>{t('matching.summary.matchRate')}</dt>
          <dd data-testid="summary-match-rate">{format.share(rate) ?? t('common.none')}</dd>
        </div>
        <div className="stat">
          <dt>{t('matching.summary.meanScore')}</dt>
          <dd>{format.decimal(meanScore, { digits: 1 }) ?? t('common.none')}</dd>
        </div>
        <div className="stat">
          <dt>{t('matching.summary.unmatched')}</dt>
          <dd data-testid="summary-unmatched">{format.integer(run.unmatched.length)}</dd>
        </div>
        <div className="stat">
          <dt>{t('matching.summary.runTime')}</dt>
          <dd>{duration}</dd>
        </div>
      </dl>
      <p className="muted" data-testid="summary-weights">
        {t(defaultWeights ? 'matching.summary.weightsDefault' : 'matching.summary.weights', { list: weightList })}
      </p>
      {isProvenOptimal(run) ? (
        <p className="proof">
          <span className="badge badge--success" data-testid="proven-optimal">
            {t('matching.summary.provenOptimal')}
          </span>{' '}
          <span className="muted">{t('matching.summary.provenOptimalHint')}</span>
        </p>
      ) : null}
      {run.algorithm === 'stable' && run.blockingPairs === 0 ? (
        <p className="proof">
          <span className="badge badge--success" data-testid="no-blocking-pairs">
            {t('matching.summary.noBlockingPairs')}
          </span>{' '}
          <span className="muted">{t('matching.summary.noBlockingPairsHint')}</span>
        </p>
      ) : null}
      {run.algorithm === 'stable' && run.blockingPairs !== null && run.blockingPairs > 0 ? (
        <p className="alert alert--warning">{t('matching.summary.blockingPairs', { count: run.blockingPairs })}</p>
      ) : null}
    </div>
  );
}
