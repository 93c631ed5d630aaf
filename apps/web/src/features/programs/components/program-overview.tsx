import { useTranslation } from 'react-i18next';
import type { ProgramResponse } from '@pm/contracts';
import { useFormatDate } from '@web/lib/use-format-date';
import { RelationBadges } from './relation-badges';

export function ProgramOverview({ program }: { program: ProgramResponse }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <section className="panel" aria-labelledby="program-overview-heading">
      <h2 id="program-overview-heading" className="panel__title">
        {t('programs.detail.overview')}
      </h2>
      <dl className="facts facts--grid">
        <div className="facts__item">
          <dt>{t('programs.period')}</dt>
          <dd>{t('programs.periodValue', { start: formatDate(program.startsOn, 'long'), end: formatDate(program.endsOn, 'long') })}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('programs.timezone')}</dt>
          <dd>
            <span dir="ltr">{program.timezone}</span>
          </dd>
        </div>
        {program.myRelations.length > 0 ? (
          <div className="facts__item">
            <dt>{t('programs.yourRole')}</dt>
            <dd>
              <RelationBadges relations={program.myRelations} />
            </dd>
          </div>
        ) : null}
        <div className="facts__item">
          <dt>{t('programs.people')}</dt>
          <dd>
            {[
              t('programs.counts.mentors', { count: program.counts.mentors }),
              t('programs.counts.mentees', { count: program.counts.mentees }),
              t('programs.counts.coordinators', { count: program.counts.coordinators }),
            ].join(t('programs.separator'))}
          </dd>
        </div>
      </dl>
    </section>
  );
}
