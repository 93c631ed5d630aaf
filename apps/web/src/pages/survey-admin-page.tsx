import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProgramSubpage } from '@web/features/programs/components/program-subpage';
import { SurveyItemsEditor } from '@web/features/surveys/components/survey-items-editor';
import { SurveySummary } from '@web/features/surveys/components/survey-summary';

/** Coordinators: what the perception survey asks, and how mentees answered. */
export function SurveyAdminPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  return (
    <ProgramSubpage programId={programId} title={t('surveys.adminTitle')} intro={t('surveys.adminIntro')}>
      {(program) => (
        <div className="stack">
          <SurveySummary programId={program.id} />
          <SurveyItemsEditor programId={program.id} />
        </div>
      )}
    </ProgramSubpage>
  );
}
