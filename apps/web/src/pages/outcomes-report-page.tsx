import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ReportViewer } from '@web/features/outcomes/components/report-viewer';
import { ProgramSubpage } from '@web/features/programs/components/program-subpage';

export function OutcomesReportPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  return (
    <ProgramSubpage programId={programId} title={t('evaluation.report.title')}>
      {(program) => <ReportViewer programId={program.id} />}
    </ProgramSubpage>
  );
}
