import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ProgramResponse } from '@pm/contracts';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { PageHeader } from '@web/components/page-header';
import { useProgram } from '@web/features/programs/hooks/use-program';
import { isApiError } from '@web/lib/api-error';
import { usePageTitle } from '@web/lib/use-page-title';

interface ProgramSubpageProps {
  programId: string;
  title: string;
  intro?: string;
  children: (program: ProgramResponse) => ReactNode;
}

function SubpageNotFound() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p className="empty-state">{t('programs.detail.notFound')}</p>
    </>
  );
}

/**
 * The frame of a page that belongs to one program (matching, outcomes, preferences): a way back to the
 * program, the page's heading, and the same loading, failure and not-found states as the program page.
 */
export function ProgramSubpage({ programId, title, intro, children }: ProgramSubpageProps) {
  const { t } = useTranslation();
  const program = useProgram(programId);

  const back = (name?: string) => (
    <p className="breadcrumb">
      <Link to={name ? `/programs/${programId}` : '/programs'}>{name ? t('programs.detail.backTo', { name }) : t('programs.detail.back')}</Link>
    </p>
  );

  if (program.isPending) {
    return (
      <>
        {back()}
        <LoadingMessage />
      </>
    );
  }
  if (program.isError) {
    return (
      <>
        {back()}
        {isApiError(program.error) && program.error.statusCode === 404 ? (
          <SubpageNotFound />
        ) : (
          <>
            <h1>{title}</h1>
            <QueryError error={program.error} onRetry={() => void program.refetch()} />
          </>
        )}
      </>
    );
  }
  return (
    <>
      {back(program.data.name)}
      <PageHeader title={title} intro={intro} />
      {children(program.data)}
    </>
  );
}
