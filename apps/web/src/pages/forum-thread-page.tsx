import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { ThreadView } from '@web/features/forum/components/thread-view';
import { useForumLive, useForumThread } from '@web/features/forum/hooks/use-forum';
import { isApiError } from '@web/lib/api-error';
import { usePageTitle } from '@web/lib/use-page-title';

export function ForumThreadPage() {
  const { t } = useTranslation();
  const { threadId = '' } = useParams();
  const thread = useForumThread(threadId);
  useForumLive();
  usePageTitle(thread.data?.title ?? t('forum.title'));

  const back = thread.data ? (
    <p className="breadcrumb">
      <Link to={`/programs/${thread.data.programId}/forum`}>{t('forum.backToForum')}</Link>
    </p>
  ) : null;
  if (thread.isPending) return <LoadingMessage />;
  if (thread.isError) {
    if (isApiError(thread.error) && thread.error.statusCode === 404) {
      return (
        <>
          <h1>{t('notFound.title')}</h1>
          <p className="empty-state">{t('forum.notFound')}</p>
        </>
      );
    }
    return <QueryError error={thread.error} onRetry={() => void thread.refetch()} />;
  }
  return (
    <>
      {back}
      <ThreadView thread={thread.data} />
    </>
  );
}
