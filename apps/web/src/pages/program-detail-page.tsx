import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Role } from '@pm/contracts';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { PageHeader } from '@web/components/page-header';
import { useSignedInUser } from '@web/features/auth/hooks/use-signed-in-user';
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

  // The API lets a program's coordinators and any admin manage it; students only see the overview.
  const canManage = user.role === Role.Admin || program.data.myRelations.includes('coordinator');
  const canRank = user.role === Role.Student && (program.data.myRelations.includes('mentee') || program.data.myRelations.includes('mentor'));
  const actions = canManage ? (
    <>
      <Link to={`/programs/${program.data.id}/matching`} className="button button--primary" data-testid="matching-link">
        {t('programs.detail.matching')}
      </Link>
      <Link to={`/programs/${program.data.id}/outcomes`} className="button button--secondary" data-testid="outcomes-link">
        {t('programs.detail.outcomes')}
      </Link>
    </>
  ) : canRank ? (
    <Link to={`/programs/${program.data.id}/preferences`} className="button button--primary" data-testid="preferences-link">
      {t('programs.detail.rankPreferences')}
    </Link>
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
        ) : null}
      </div>
    </>
  );
}
