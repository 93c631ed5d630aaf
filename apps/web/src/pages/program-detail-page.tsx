import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Role } from '@pm/contracts';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { PageHeader } from '@web/components/page-header';
import { useSignedInUser } from '@web/features/auth/hooks/use-signed-in-user';
import { CoordinatorsPanel } from '@web/features/programs/components/coordinators-panel';
import { EnrolForm } from '@web/features/programs/components/enrol-form';
import { EnrollmentTable } from '@web/features/programs/components/enrollment-table';
import { ProgramOverview } from '@web/features/programs/components/program-overview';
import { useProgram } from '@web/features/programs/hooks/use-program';
import { isApiError } from '@web/lib/api-error';
import { usePageTitle } from '@web/lib/use-page-title';

function ProgramNotFound() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p className="empty-state">{t('programs.detail.notFound')}</p>
    </>
  );
}

export function ProgramDetailPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const user = useSignedInUser();
  const program = useProgram(programId);

  const back = (
    <p className="breadcrumb">
      <Link to="/programs">{t('programs.detail.back')}</Link>
    </p>
  );

  if (program.isPending) {
    return (
      <>
        {back}
        <LoadingMessage />
      </>
    );
  }
  if (program.isError) {
    return (
      <>
        {back}
        {isApiError(program.error) && program.error.statusCode === 404 ? (
          <ProgramNotFound />
        ) : (
          <>
            <h1>{t('programs.detail.title')}</h1>
            <QueryError error={program.error} onRetry={() => void program.refetch()} />
          </>
        )}
      </>
    );
  }

  // A program's coordinators run it (roster, matching, outcomes). An admin who does not coordinate it staffs
  // it: sees who runs it and adds coordinators (themselves included), but the students' data stays with them.
  const canManage = program.data.myRelations.includes('coordinator');
  const canStaff = canManage || user.role === Role.Admin;
  const canRank = user.role === Role.Student && (program.data.myRelations.includes('mentee') || program.data.myRelations.includes('mentor'));
  const actions = canManage ? (
    <>
      <Link to={`/programs/${program.data.id}/matching`} className="button button--primary" data-testid="matching-link">
        {t('programs.detail.matching')}
      </Link>
      <Link to={`/programs/${program.data.id}/outcomes`} className="button button--secondary" data-testid="outcomes-link">
        {t('programs.detail.outcomes')}
      </Link>
      <Link to={`/programs/${program.data.id}/pair-health`} className="button button--secondary" data-testid="pair-health-link">
        {t('relationship.links.board')}
      </Link>
      <Link to={`/programs/${program.data.id}/referrals`} className="button button--secondary" data-testid="referrals-link">
        {t('relationship.links.referrals')}
      </Link>
      <Link to={`/programs/${program.data.id}/agreement-template`} className="button button--secondary" data-testid="agreement-template-link">
        {t('relationship.links.template')}
      </Link>
      <Link to={`/programs/${program.data.id}/mentor-hours`} className="button button--secondary" data-testid="mentor-hours-link">
        {t('relationship.links.hours')}
      </Link>
      <Link to={`/programs/${program.data.id}/forum`} className="button button--secondary" data-testid="forum-link">
        {t('forum.title')}
      </Link>
      <Link to={`/programs/${program.data.id}/audit-log`} className="button button--secondary" data-testid="audit-link">
        {t('outcomesLinks.auditLog')}
      </Link>
      <Link to={`/programs/${program.data.id}/roster`} className="button button--secondary" data-testid="roster-link">
        {t('onboarding.links.roster')}
      </Link>
      <Link to={`/programs/${program.data.id}/settings`} className="button button--secondary" data-testid="settings-link">
        {t('onboarding.links.settings')}
      </Link>
    </>
  ) : canStaff ? (
    // An admin who staffs the program reads its audit trail, not its students' data.
    <Link to={`/programs/${program.data.id}/audit-log`} className="button button--secondary" data-testid="audit-link">
      {t('outcomesLinks.auditLog')}
    </Link>
  ) : canRank ? (
    <>
      <Link to={`/programs/${program.data.id}/preferences`} className="button button--primary" data-testid="preferences-link">
        {t('programs.detail.rankPreferences')}
      </Link>
      {program.data.myRelations.includes('mentee') ? (
        <Link to={`/programs/${program.data.id}/survey`} className="button button--secondary" data-testid="survey-link">
          {t('outcomesLinks.answerSurvey')}
        </Link>
      ) : null}
      <Link to={`/programs/${program.data.id}/forum`} className="button button--secondary" data-testid="forum-link">
        {t('forum.title')}
      </Link>
    </>
  ) : null;
  return (
    <>
      {back}
      <PageHeader title={program.data.name} actions={actions} />
      <div className="stack">
        <ProgramOverview program={program.data} />
        {canManage ? (
          <div className="columns columns--aside-end">
            <EnrollmentTable programId={program.data.id} />
            <EnrolForm programId={program.data.id} />
          </div>
        ) : canStaff ? (
          <p className="notice" data-testid="admin-staffing-notice">
            {t('programCoordinators.adminNotice')}
          </p>
        ) : null}
        {canStaff ? <CoordinatorsPanel programId={program.data.id} /> : null}
      </div>
    </>
  );
}
