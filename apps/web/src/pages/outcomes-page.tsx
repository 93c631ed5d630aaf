import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ImportRecordsCard } from '@web/features/outcomes/components/import-records-card';
import { OutcomesDashboard } from '@web/features/outcomes/components/outcomes-dashboard';
import { ResearchExportButton } from '@web/features/outcomes/components/research-export-button';
import { ProgramSubpage } from '@web/features/programs/components/program-subpage';
import { EvaluationLinks } from '@web/features/outcomes/components/report-links';
import { useOutcomes } from '@web/features/outcomes/hooks/use-outcomes';

export function OutcomesPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  return (
    <ProgramSubpage programId={programId} title={t('outcomes.title')} intro={t('outcomes.intro')}>
      {(program) => (
        <div className="stack">
          <nav className="form__actions" aria-label={t('outcomesLinks.label')}>
            <Link to={`/programs/${program.id}/records`} className="button button--secondary" data-testid="records-link">
              {t('outcomesLinks.records')}
            </Link>
            <Link to={`/programs/${program.id}/surveys`} className="button button--secondary" data-testid="surveys-link">
              {t('outcomesLinks.surveys')}
            </Link>
            <Link to={`/programs/${program.id}/audit-log`} className="button button--secondary" data-testid="audit-link">
              {t('outcomesLinks.auditLog')}
            </Link>
          </nav>
          <EvaluationLinksFor programId={program.id} />
          <ImportRecordsCard programId={program.id} />
          <OutcomesDashboard programId={program.id} />
          <ResearchExportButton programId={program.id} />
        </div>
      )}
    </ProgramSubpage>
  );
}

/** Allocation status and the report link, from the same (cached) outcomes query as the dashboard. */
function EvaluationLinksFor({ programId }: { programId: string }) {
  const outcomes = useOutcomes(programId);
  return <EvaluationLinks programId={programId} outcomes={outcomes.data} />;
}
