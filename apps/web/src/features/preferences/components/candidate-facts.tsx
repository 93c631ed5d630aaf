import { useTranslation } from 'react-i18next';
import { MODALITIES, type RankingCandidate } from '@pm/contracts';
import { useNumberFormat } from '@web/lib/use-number-format';

/** Everything the student weighs when ranking someone, the engine's score last. */
export function CandidateFacts({ candidate }: { candidate: RankingCandidate }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const list = (items: readonly string[]): string => (items.length === 0 ? t('common.notSet') : items.join(t('programs.separator')));
  const modalities = MODALITIES.filter((modality) => candidate.modalities.includes(modality)).map((modality) => t(`profile.modality.${modality}`));
  return (
    <dl className="facts facts--inline">
      <div className="facts__item">
        <dt>{t('auth.fields.yearOfStudy')}</dt>
        <dd>{candidate.yearOfStudy === null ? t('common.notSet') : format.integer(candidate.yearOfStudy)}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('profile.interests')}</dt>
        <dd>{list(candidate.interests)}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('preferences.languages')}</dt>
        <dd>{list(candidate.languages)}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('profile.modalities')}</dt>
        <dd>{list(modalities)}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('profile.campus')}</dt>
        <dd>{candidate.campus ?? t('common.notSet')}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('preferences.score')}</dt>
        <dd>{t('common.number', { value: candidate.score })}</dd>
      </div>
    </dl>
  );
}
