import { useTranslation } from 'react-i18next';
import type { OutcomesResponse } from '@pm/contracts';
import { effectReadingKey } from './effect-size';
import { Stat } from './not-enough';
import { useStatFormat } from './use-stat-format';

/**
 * The effect size in words. dz compares the mentored group's mean change with the spread of its own changes,
 * so it says how consistent the change was within that group; it is not, by itself, evidence that mentoring
 * caused it. The comparison with the other group is the difference section's job, and the text says so.
 */
export function EffectSizePanel({ outcomes }: { outcomes: OutcomesResponse }) {
  const { t } = useTranslation();
  const stat = useStatFormat();
  const key = effectReadingKey(outcomes.effectSize);
  return (
    <section aria-labelledby="effect-heading" data-testid="effect-size">
      <h3 id="effect-heading" className="subsection-title">
        {t('outcomes.effect.heading')}
      </h3>
      <p className="lead" data-testid="effect-reading" data-reading={key}>
        {t(`outcomes.effect.reading.${key}`)}
      </p>
      <p>
        {t('outcomes.effect.dzLabel')}{' '}
        <strong>
          <Stat value={stat.statistic(outcomes.effectSize.cohensDz)} />
        </strong>
      </p>
      <p className="muted">{t('outcomes.effect.caveat')}</p>
      <p className="muted">{t('outcomes.effect.thresholds')}</p>
    </section>
  );
}

/** Mentored minus comparison change, by Welch's t-test, which does not assume the two groups vary alike. */
export function DifferencePanel({ outcomes }: { outcomes: OutcomesResponse }) {
  const { t } = useTranslation();
  const stat = useStatFormat();
  const { estimate, ci95, pValue } = outcomes.difference;
  const estimateText = stat.change(estimate);
  return (
    <section aria-labelledby="difference-heading" data-testid="difference">
      <h3 id="difference-heading" className="subsection-title">
        {t('outcomes.difference.heading')}
      </h3>
      {estimateText === null ? (
        <p className="empty-state">{t('outcomes.difference.notEnough')}</p>
      ) : (
        <>
          <dl className="stat-grid">
            <div className="stat">
              <dt>{t('outcomes.difference.estimate')}</dt>
              <dd>{estimateText}</dd>
            </div>
            <div className="stat">
              <dt>{t('outcomes.table.ci95')}</dt>
              <dd>
                <Stat value={stat.interval(ci95)} />
              </dd>
            </div>
            <div className="stat">
              <dt>{t('outcomes.table.pValue')}</dt>
              <dd>
                <Stat value={stat.pValue(pValue)} />
              </dd>
            </div>
          </dl>
          <p className="muted">{t('outcomes.difference.explain')}</p>
        </>
      )}
    </section>
  );
}
