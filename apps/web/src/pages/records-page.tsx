import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProgramSubpage } from '@web/features/programs/components/program-subpage';
import { RecordsTable } from '@web/features/records/components/records-table';

/** Coordinators: the grades imported into their program, to check and to delete a wrong one. */
export function RecordsPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  return (
    <ProgramSubpage programId={programId} title={t('academicRecords.title')} intro={t('academicRecords.intro')}>
      {(program) => <RecordsTable programId={program.id} />}
    </ProgramSubpage>
  );
}
