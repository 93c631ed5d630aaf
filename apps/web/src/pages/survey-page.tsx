import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProgramSubpage } from '@web/features/programs/components/program-subpage';
import { SurveyForm } from '@web/features/surveys/components/survey-form';

/** Mentees: the perception survey, before mentoring begins (baseline) and at the end of the program. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  return (
    <ProgramSubpage programId={programId} title={t('surveys.answerTitle')}>
      {(program) => <SurveyForm programId={program.id} />}
    </ProgramSubpage>
  );
}
