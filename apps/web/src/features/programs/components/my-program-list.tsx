import { useTranslation } from 'react-i18next';
import type { Role } from '@pm/contracts';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { useMyPrograms } from '@web/features/programs/hooks/use-my-programs';
import { ProgramList } from './program-list';

/** The signed-in user's programs with loading, failure and empty states; used by the home and programs pages. */
export function MyProgramList({ role, headingLevel }: { role: Role; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const programs = useMyPrograms();
  if (programs.isPending) return <LoadingMessage />;
  if (programs.isError) return <QueryError error={programs.error} onRetry={() => void programs.refetch()} />;
  if (programs.data.length === 0) return <p className="empty-state">{t(`programs.empty.${role}`)}</p>;
  return <ProgramList programs={programs.data} role={role} headingLevel={headingLevel} />;
}
