import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FORUM_BODY_MAX, FORUM_MAX_TAGS, FORUM_TAGS, FORUM_TITLE_MAX, type ForumTag } from '@pm/contracts';
import { TextAreaField, TextField } from '@web/components/field';
import { ErrorAlert, SuccessMessage } from '@web/components/feedback';
import { useAskQuestion } from '@web/features/forum/hooks/use-forum';

interface Values {
  title: string;
  body: string;
  tags: ForumTag[];
  anonymous: boolean;
}

/**
 * Asking the program. The anonymity promise is stated before posting, in plain words: other students never see
 * who asked, coordinators do (for safety and moderation).
 */
export function NewThreadForm({ programId, isStudent }: { programId: string; isStudent: boolean }) {
  const { t } = useTranslation();
  const ask = useAskQuestion(programId);
  const [posted, setPosted] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    watch,
    formState: { errors },
  } = useForm<Values>({ defaultValues: { title: '', body: '', tags: [], anonymous: false } });
  const anonymous = watch('anonymous');

  const submit = handleSubmit((values) => {
    setPosted(false);
    ask.mutate(
      { title: values.title.trim(), body: values.body, tags: values.tags, anonymous: isStudent && values.anonymous },
      {
        onSuccess: () => {
          reset();
          setPosted(true);
        },
      },
    );
  });

  return (
    <form className="form panel" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="forum-ask-heading">
      <h2 id="forum-ask-heading">{t('forum.ask.title')}</h2>
      <ErrorAlert error={ask.error} />
      {posted && !ask.error && <SuccessMessage>{t('forum.ask.posted')}</SuccessMessage>}
      <TextField
        id="forum-title"
        label={t('forum.ask.titleLabel')}
        dir="auto"
        aria-required
        registration={register('title', {
          required: t('validation.required'),
          validate: (v) => v.trim().length > 0 || t('validation.required'),
          maxLength: { value: FORUM_TITLE_MAX, message: t('validation.maxLength', { count: FORUM_TITLE_MAX }) },
        })}
        error={errors.title?.message}
      />
      <TextAreaField
        id="forum-body"
        label={t('forum.ask.bodyLabel')}
        hint={t('forum.ask.bodyHint')}
        dir="auto"
        rows={5}
        aria-required
        registration={register('body', {
          required: t('validation.required'),
          validate: (v) => v.trim().length > 0 || t('validation.required'),
          maxLength: { value: FORUM_BODY_MAX, message: t('validation.maxLength', { count: FORUM_BODY_MAX }) },
        })}
        error={errors.body?.message}
      />
      <fieldset className="forum-tags">
        <legend>{t('forum.ask.tags', { count: FORUM_MAX_TAGS })}</legend>
        {FORUM_TAGS.map((tag) => (
          <label key={tag} className="checkbox">
            <input type="checkbox" value={tag} {...register('tags', { validate: (v) => v.length <= FORUM_MAX_TAGS || t('forum.ask.tooManyTags', { count: FORUM_MAX_TAGS }) })} />
            {t(`forum.tags.${tag}`)}
          </label>
        ))}
        {errors.tags?.message && <p className="field__error">{errors.tags.message}</p>}
      </fieldset>
      {isStudent && (
        <div className="forum-anonymous">
          <label className="checkbox">
            <input type="checkbox" {...register('anonymous')} data-testid="forum-anonymous" />
            {t('forum.ask.anonymous')}
          </label>
          <p className={anonymous ? 'notice' : 'muted'} id="forum-anonymous-explained">
            {t('forum.ask.anonymousExplained')}
          </p>
        </div>
      )}
      <button type="submit" className="button button--primary" disabled={ask.isPending}>
        {ask.isPending ? t('forum.ask.posting') : t('forum.ask.submit')}
      </button>
    </form>
  );
}
