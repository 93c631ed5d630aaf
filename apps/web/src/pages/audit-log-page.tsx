import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuditLogTable } from '@web/features/audit-log/components/audit-log-table';
import { ProgramSubpage } from '@web/features/programs/components/program-subpage';

/** The program's coordinators, and admins for any program: the trail of sensitive actions. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  return (
    <ProgramSubpage programId={programId} title={t('auditLog.title')} intro={t('auditLog.pageIntro')}>
      {(program) => <AuditLogTable programId={program.id} />}
    </ProgramSubpage>
  );
}
