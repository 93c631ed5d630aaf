import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PreferencesPanel } from '@web/features/preferences/components/preferences-panel';
import { ProgramSubpage } from '@web/features/programs/components/program-subpage';

export function PreferencesPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  return (
    <ProgramSubpage programId={programId} title={t('preferences.title')} intro={t('preferences.intro')}>
      {(program) => <PreferencesPanel program={program} />}
    </ProgramSubpage>
  );
}
