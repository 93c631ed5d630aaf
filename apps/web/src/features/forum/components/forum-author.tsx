import { useTranslation } from 'react-i18next';
import type { ForumAuthor as Author } from '@pm/contracts';
import { useFormatDateTime } from '@web/lib/use-format-date';

/** "Name · Mentor · date", or "Anonymous mentee" for an anonymous question shown to a student. */
export function ForumAuthor({ author, anonymous, createdAt }: { author: Author | null; anonymous?: boolean; createdAt: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <p className="forum-author muted">
      {author ? <span className="forum-author__name">{author.fullName}</span> : <span className="forum-author__name">{t('forum.anonymousMentee')}</span>}
      {author && author.role !== 'mentee' && <span className={`badge badge--${author.role}`}>{t(`forum.role.${author.role}`)}</span>}
      {author && anonymous && <span className="badge badge--neutral">{t('forum.postedAnonymously')}</span>}
      <time dateTime={createdAt}>{formatDateTime(createdAt)}</time>
    </p>
  );
}
