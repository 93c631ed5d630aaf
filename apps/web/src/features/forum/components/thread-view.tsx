import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FORUM_REPLY_MAX, FORUM_REPORT_REASON_MAX, type ForumReply, type ForumThreadDetail } from '@pm/contracts';
import { ErrorAlert, SuccessMessage } from '@web/components/feedback';
import { TextAreaField } from '@web/components/field';
import { useAcceptReply, usePinThread, useReply, useReportPost, useSetPostHidden } from '@web/features/forum/hooks/use-forum';
import { ForumAuthor } from './forum-author';
import { ForumText } from './forum-text';

/** Report a post to the coordinators, with a reason; a small form that opens in place. */
function ReportButton({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const report = useReportPost();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  if (report.isSuccess) return <SuccessMessage>{t('forum.report.sent')}</SuccessMessage>;
  if (!open) {
    return (
      <button type="button" className="button button--small button--secondary" onClick={() => setOpen(true)}>
        {t('forum.report.open')}
      </button>
    );
  }
  const submit = handleSubmit((values) => report.mutate({ postId, reason: values.reason.trim() }));
  return (
    <form className="form forum-report" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorAlert error={report.error} />
      <TextAreaField
        id={`report-${postId}`}
        label={t('forum.report.reason')}
        dir="auto"
        rows={2}
        registration={register('reason', {
          validate: (v) => v.trim().length > 0 || t('validation.required'),
          maxLength: { value: FORUM_REPORT_REASON_MAX, message: t('validation.maxLength', { count: FORUM_REPORT_REASON_MAX }) },
        })}
        error={errors.reason?.message}
      />
      <div className="actions">
        <button type="submit" className="button button--small button--primary" disabled={report.isPending}>
          {t('forum.report.submit')}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function HideButton({ postId, hidden }: { postId: string; hidden: boolean }) {
  const { t } = useTranslation();
  const setHidden = useSetPostHidden();
  return (
    <>
      <button type="button" className="button button--small button--secondary" disabled={setHidden.isPending} onClick={() => setHidden.mutate({ postId, hidden: !hidden })}>
        {hidden ? t('forum.moderation.restore') : t('forum.moderation.hide')}
      </button>
      <ErrorAlert error={setHidden.error} />
    </>
  );
}

function ReplyItem({ reply, thread, accepted, coordinator }: { reply: ForumReply; thread: ForumThreadDetail; accepted: boolean; coordinator: boolean }) {
  const { t } = useTranslation();
  const accept = useAcceptReply(thread.id);
  return (
    <li className={['forum-reply', 'panel', accepted ? 'forum-reply--accepted' : ''].join(' ')} data-testid={accepted ? 'forum-accepted-reply' : 'forum-reply'}>
      {accepted && <p className="badge badge--success">{t('forum.acceptedAnswer')}</p>}
      {reply.hiddenAt && <p className="badge badge--warning">{t('forum.hidden')}</p>}
      <ForumAuthor author={reply.author} createdAt={reply.createdAt} />
      <ForumText text={reply.body} />
      <div className="actions">
        {thread.canAccept && !accepted && !reply.hiddenAt && (
          <button type="button" className="button button--small button--primary" disabled={accept.isPending} onClick={() => accept.mutate(reply.id)} data-testid="forum-accept">
            {t('forum.markAnswer')}
          </button>
        )}
        {coordinator ? <HideButton postId={reply.id} hidden={Boolean(reply.hiddenAt)} /> : <ReportButton postId={reply.id} />}
      </div>
      <ErrorAlert error={accept.error} />
    </li>
  );
}

function ReplyForm({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const reply = useReply(threadId);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<{ body: string }>({ defaultValues: { body: '' } });
  const submit = handleSubmit((values) => reply.mutate(values.body, { onSuccess: () => reset() }));
  return (
    <form className="form panel" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorAlert error={reply.error} />
      <TextAreaField
        id="forum-reply"
        label={t('forum.reply.label')}
        dir="auto"
        rows={4}
        registration={register('body', {
          validate: (v) => v.trim().length > 0 || t('validation.required'),
          maxLength: { value: FORUM_REPLY_MAX, message: t('validation.maxLength', { count: FORUM_REPLY_MAX }) },
        })}
        error={errors.body?.message}
      />
      <button type="submit" className="button button--primary" disabled={reply.isPending}>
        {reply.isPending ? t('forum.reply.sending') : t('forum.reply.submit')}
      </button>
    </form>
  );
}

/** The question, the accepted answer first, the other replies oldest first, and the reply form. */
export function ThreadView({ thread }: { thread: ForumThreadDetail }) {
  const { t } = useTranslation();
  // The API adds `hiddenAt` (null or a time) for coordinators only, so its presence says who is reading.
  const coordinator = thread.hiddenAt !== undefined;
  const pin = usePinThread(thread.id);
  const accepted = thread.replies.find((r) => r.id === thread.acceptedReplyId);
  const others = thread.replies.filter((r) => r.id !== thread.acceptedReplyId);
  return (
    <>
      <article className="panel forum-question">
        <h1 dir="auto">{thread.title}</h1>
        <ForumAuthor author={thread.author} anonymous={thread.anonymous} createdAt={thread.createdAt} />
        <p className="badges">
          {thread.pinned && <span className="badge badge--info">{t('forum.pinned')}</span>}
          {thread.hiddenAt && <span className="badge badge--warning">{t('forum.hidden')}</span>}
          {thread.tags.map((tag) => (
            <span key={tag} className="badge badge--neutral">
              {t(`forum.tags.${tag}`)}
            </span>
          ))}
        </p>
        <ForumText text={thread.body} />
        <div className="actions">
          {coordinator ? (
            <>
              <button type="button" className="button button--small button--secondary" disabled={pin.isPending} onClick={() => pin.mutate(!thread.pinned)}>
                {thread.pinned ? t('forum.moderation.unpin') : t('forum.moderation.pin')}
              </button>
              <HideButton postId={thread.id} hidden={Boolean(thread.hiddenAt)} />
            </>
          ) : (
            !thread.mine && <ReportButton postId={thread.id} />
          )}
        </div>
        <ErrorAlert error={pin.error} />
      </article>
      <section aria-labelledby="forum-replies-heading">
        <h2 id="forum-replies-heading">{t('forum.replyCount', { count: thread.replies.length })}</h2>
        {thread.replies.length === 0 ? (
          <p className="empty-state">{t('forum.noReplies')}</p>
        ) : (
          <ol className="forum-replies">
            {accepted && <ReplyItem reply={accepted} thread={thread} accepted coordinator={coordinator} />}
            {others.map((r) => (
              <ReplyItem key={r.id} reply={r} thread={thread} accepted={false} coordinator={coordinator} />
            ))}
          </ol>
        )}
      </section>
      {!thread.hiddenAt && <ReplyForm threadId={thread.id} />}
    </>
  );
}
