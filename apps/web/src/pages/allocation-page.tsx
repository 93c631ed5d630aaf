import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AllocationPanel } from '@web/features/allocation/components/allocation-panel';
import { ProgramSubpage } from '@web/features/programs/components/program-subpage';

export function AllocationPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  return (
    <ProgramSubpage programId={programId} title={t('allocation.title')} intro={t('allocation.intro')}>
      {(program) => <AllocationPanel program={program} />}
    </ProgramSubpage>
  );
}
