import { useTranslation } from 'react-i18next';
import type { MatchingRunResponse } from '@pm/contracts';

export function UnmatchedList({ unmatched }: { unmatched: MatchingRunResponse['unmatched'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="unmatched-heading">
      <h3 id="unmatched-heading" className="subsection-title">
        {t('matching.unmatched.heading', { count: unmatched.length })}
      </h3>
      {unmatched.length === 0 ? (
        <p className="muted">{t('matching.unmatched.none')}</p>
      ) : (
        <ul className="plain-list" data-testid="unmatched-list">
          {unmatched.map((mentee) => (
            <li key={mentee.menteeId}>
              <strong>{mentee.menteeName}</strong>
              {t('programs.separator')}
              {t(`matching.unmatched.reason.${mentee.reason}`)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
