import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ForumThread } from '@pm/contracts';
import { ForumAuthor } from './forum-author';

/** One card a thread: works at 390 px as well as on a desktop, no table to overflow. */
export function ThreadList({ threads, emptyText }: { threads: ForumThread[]; emptyText: string }) {
  const { t } = useTranslation();
  if (threads.length === 0) return <p className="empty-state">{emptyText}</p>;
  return (
    <ul className="forum-threads" data-testid="forum-threads">
      {threads.map((thread) => (
        <li key={thread.id} className="forum-thread-card panel" data-testid="forum-thread-card">
          <h3 className="forum-thread-card__title">
            <Link to={`/forum/threads/${thread.id}`} dir="auto">
              {thread.title}
            </Link>
          </h3>
          <ForumAuthor author={thread.author} anonymous={thread.anonymous} createdAt={thread.createdAt} />
          <p className="badges">
            {thread.pinned && <span className="badge badge--info">{t('forum.pinned')}</span>}
            {thread.acceptedReplyId && <span className="badge badge--success">{t('forum.answered')}</span>}
            {thread.hiddenAt && <span className="badge badge--warning">{t('forum.hidden')}</span>}
            {thread.tags.map((tag) => (
              <span key={tag} className="badge badge--neutral">
                {t(`forum.tags.${tag}`)}
              </span>
            ))}
            <span className="muted">{t('forum.replyCount', { count: thread.replyCount })}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
