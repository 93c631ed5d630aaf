import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuditLogTable } from '@web/features/outcomes/components/audit-log-table';
import { ImportRecordsCard } from '@web/features/outcomes/components/import-records-card';
import { OutcomesDashboard } from '@web/features/outcomes/components/outcomes-dashboard';
import { ProgramSubpage } from '@web/features/programs/components/program-subpage';

export function OutcomesPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  return (
    <ProgramSubpage programId={programId} title={t('outcomes.title')} intro={t('outcomes.intro')}>
      {(program) => (
        <div className="stack">
          <ImportRecordsCard programId={program.id} />
          <OutcomesDashboard programId={program.id} />
          <AuditLogTable programId={program.id} />
        </div>
      )}
    </ProgramSubpage>
  );
}
