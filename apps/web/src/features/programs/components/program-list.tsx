import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Role, type ProgramResponse } from '@pm/contracts';
import { useFormatDate } from '@web/lib/use-format-date';
import { RelationBadges } from './relation-badges';

interface ProgramListProps {
  programs: readonly ProgramResponse[];
  role: Role;
  /** The level of the heading that holds the list, so each program's name sits one level below it. */
  headingLevel?: 2 | 3;
}

export function ProgramList({ programs, role, headingLevel = 2 }: ProgramListProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const ItemHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <ul className="program-list" data-testid="program-list" aria-label={t('programs.listLabel')}>
      {programs.map((program) => {
        const manages = role === Role.Admin || program.myRelations.includes('coordinator');
        return (
          <li key={program.id} className="program-card" data-testid="program-item">
            <div className="program-card__head">
              <ItemHeading className="program-card__name">
                <Link to={`/programs/${program.id}`}>{program.name}</Link>
              </ItemHeading>
              <RelationBadges relations={program.myRelations} />
            </div>
            <dl className="facts">
              <div className="facts__item">
                <dt>{t('programs.period')}</dt>
                <dd>
                  {t('programs.periodValue', { start: formatDate(program.startsOn), end: formatDate(program.endsOn) })}
                </dd>
              </div>
              <div className="facts__item">
                <dt>{t('programs.timezone')}</dt>
                <dd>
                  <span dir="ltr">{program.timezone}</span>
                </dd>
              </div>
              {manages ? (
                <div className="facts__item">
                  <dt>{t('programs.people')}</dt>
                  <dd>
                    {[
                      t('programs.counts.mentors', { count: program.counts.mentors }),
                      t('programs.counts.mentees', { count: program.counts.mentees }),
                    ].join(t('programs.separator'))}
                  </dd>
                </div>
              ) : null}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
