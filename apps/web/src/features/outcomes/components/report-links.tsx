import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OutcomesResponse } from '@pm/contracts';

/** Where the program stands on allocation, and the way to the printable report. */
export function EvaluationLinks({ programId, outcomes }: { programId: string; outcomes: OutcomesResponse | undefined }) {
  const { t } = useTranslation();
  const randomized = outcomes?.randomized;
  return (
    <section className="panel stack" aria-labelledby="evaluation-links-heading" data-testid="evaluation-links">
      <h2 id="evaluation-links-heading" className="panel__title">
        {t('evaluation.links.heading')}
      </h2>
      <p data-testid="allocation-status">{randomized ? t('evaluation.links.randomized', { seed: randomized.seed }) : t('evaluation.links.notRandomized')}</p>
      <nav className="form__actions" aria-label={t('evaluation.links.heading')}>
        <Link to={`/programs/${programId}/outcomes/report`} className="button button--primary" data-testid="report-link">
          {t('evaluation.links.report')}
        </Link>
        <Link to={`/programs/${programId}/allocation`} className="button button--secondary" data-testid="allocation-link">
          {t('evaluation.links.allocation')}
        </Link>
      </nav>
    </section>
  );
}
