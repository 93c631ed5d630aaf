import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { InvitationsTable } from '@web/features/invitations/components/invitations-table';
import { JoinCodeCard } from '@web/features/invitations/components/join-code-card';
import { ProgramSubpage } from '@web/features/programs/components/program-subpage';
import { RosterImportCard } from '@web/features/roster/components/roster-import-card';

/** The coordinator's page for bringing a cohort in: the registrar's file, the invitations it made, join codes. */
export function RosterPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  return (
    <ProgramSubpage programId={programId} title={t('onboarding.rosterPage.title')} intro={t('onboarding.rosterPage.intro')}>
      {(program) => (
        <div className="stack">
          <RosterImportCard programId={program.id} closed={Boolean(program.closedAt)} />
          <InvitationsTable programId={program.id} closed={Boolean(program.closedAt)} />
          <JoinCodeCard programId={program.id} closed={Boolean(program.closedAt)} />
        </div>
      )}
    </ProgramSubpage>
  );
}
