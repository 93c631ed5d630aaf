import { useTranslation } from 'react-i18next';
import type { ProgramRelation } from '@pm/contracts';

export function RelationBadges({ relations }: { relations: readonly ProgramRelation[] }) {
  const { t } = useTranslation();
  if (relations.length === 0) return null;
  return (
    <span className="badges">
      {relations.map((relation) => (
        <span key={relation} className={`badge badge--${relation}`}>
          {t(`relations.${relation}`)}
        </span>
      ))}
    </span>
  );
}
