import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExclusionsPanel } from '@web/features/matching/components/exclusions-panel';
import { ManualMatchForm } from '@web/features/matching/components/manual-match-form';
import { MatchingRunPanel } from '@web/features/matching/components/matching-run-panel';
import { MentorshipTable } from '@web/features/matching/components/mentorship-table';
import { ProgramSubpage } from '@web/features/programs/components/program-subpage';

export function MatchingPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  return (
    <ProgramSubpage programId={programId} title={t('matching.title')} intro={t('matching.intro')}>
      {(program) => (
        <div className="stack">
          <MatchingRunPanel programId={program.id} />
          <div className="columns columns--aside-end">
            <MentorshipTable programId={program.id} />
            <ManualMatchForm programId={program.id} />
          </div>
          <ExclusionsPanel programId={program.id} />
        </div>
      )}
    </ProgramSubpage>
  );
}
