import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProgramSubpage } from '@web/features/programs/components/program-subpage';
import { CloseProgramPanel, ProgramSettingsForm } from '@web/features/roster/components/program-settings-form';

export function ProgramSettingsPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  return (
    <ProgramSubpage programId={programId} title={t('onboarding.settings.title')}>
      {(program) => (
        <div className="stack">
          <ProgramSettingsForm key={`${program.id}-${program.closedAt ?? ''}`} program={program} />
          <CloseProgramPanel program={program} />
        </div>
      )}
    </ProgramSubpage>
  );
}
