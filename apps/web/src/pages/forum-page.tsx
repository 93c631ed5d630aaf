import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Role } from '@pm/contracts';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { PageHeader } from '@web/components/page-header';
import { useSignedInUser } from '@web/features/auth/hooks/use-signed-in-user';
import type { ForumFilters as Filters } from '@web/features/forum/api/forum-api';
import { ForumFilters } from '@web/features/forum/components/forum-filters';
import { ModerationReports } from '@web/features/forum/components/moderation-reports';
import { NewThreadForm } from '@web/features/forum/components/new-thread-form';
import { ThreadList } from '@web/features/forum/components/thread-list';
import { useForumLive, useForumThreads } from '@web/features/forum/hooks/use-forum';
import { useProgram } from '@web/features/programs/hooks/use-program';

/** The program's question-and-answer space: pinned resources, search and filters, the threads, and asking. */
export function ForumPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const user = useSignedInUser();
  const program = useProgram(programId);
  const [filters, setFilters] = useState<Filters>({});
  const onFilters = useCallback((next: Filters) => setFilters(next), []);
  const pinned = useForumThreads(programId, { pinned: true });
  const threads = useForumThreads(programId, filters);
  useForumLive();

  const coordinator = program.data?.myRelations.includes('coordinator') ?? false;
  const all = threads.data?.pages.flat() ?? [];
  const resources = pinned.data?.pages.flat() ?? [];
  const filtering = Boolean(filters.q || filters.tag || filters.unanswered);

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/programs/${programId}`}>{program.data?.name ?? t('forum.backToProgram')}</Link>
      </p>
      <PageHeader title={t('forum.title')} intro={t('forum.intro')} />
      {resources.length > 0 && (
        <section aria-labelledby="forum-pinned-heading">
          <h2 id="forum-pinned-heading">{t('forum.resources')}</h2>
          <ThreadList threads={resources} emptyText="" />
        </section>
      )}
      <section aria-labelledby="forum-threads-heading">
        <h2 id="forum-threads-heading">{t('forum.threads')}</h2>
        <ForumFilters value={filters} onChange={onFilters} />
        {threads.isPending ? (
          <LoadingMessage />
        ) : threads.isError ? (
          <QueryError error={threads.error} onRetry={() => void threads.refetch()} />
        ) : (
          <>
            <ThreadList threads={all} emptyText={filtering ? t('forum.noMatches') : t('forum.empty')} />
            {threads.hasNextPage && (
              <button type="button" className="button button--secondary" disabled={threads.isFetchingNextPage} onClick={() => void threads.fetchNextPage()}>
                {threads.isFetchingNextPage ? t('common.loading') : t('forum.more')}
              </button>
            )}
          </>
        )}
      </section>
      <NewThreadForm programId={programId} isStudent={user.role === Role.Student} />
      {coordinator && <ModerationReports programId={programId} />}
    </>
  );
}
