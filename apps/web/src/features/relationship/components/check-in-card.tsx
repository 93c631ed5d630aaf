import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_CHECK_IN_COMMENT_LENGTH } from '@pm/contracts';
import { ErrorAlert, SuccessMessage } from '@web/components/feedback';
import { TextAreaField } from '@web/components/field';
import { usePostCheckIn } from '@web/features/relationship/hooks/use-relationship';
import { useNumberFormat } from '@web/lib/use-number-format';

interface CheckInValues {
  rating: string;
  comment: string;
}

const RATINGS = [1, 2, 3, 4, 5] as const;

/** The mentee's monthly question; the answer goes to the coordinators, never to the mentor. */
export function CheckInCard({ mentorshipId, due }: { mentorshipId: string; due: boolean }) {
  const { t } = useTranslation();
  const n = useNumberFormat();
  const post = usePostCheckIn(mentorshipId);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<CheckInValues>({ defaultValues: { rating: '', comment: '' } });
  const onSubmit = handleSubmit((v) => post.mutate({ rating: Number(v.rating), comment: v.comment.trim() === '' ? null : v.comment.trim() }, { onSuccess: () => reset() }));
  return (
    <section className="panel stack" aria-labelledby="check-in-heading" data-testid="check-in-card">
      <h2 id="check-in-heading" className="panel__title">
        {t('relationship.checkIn.title')}
      </h2>
      {due ? <p className="notice">{t('relationship.checkIn.due')}</p> : null}
      <p className="field__hint">{t('relationship.checkIn.private')}</p>
      <form className="form stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        <fieldset className="fieldset">
          <legend className="field__label">{t('relationship.checkIn.question')}</legend>
          <div className="radio-group">
            {RATINGS.map((r) => (
              <label key={r} className="radio">
                <input type="radio" value={String(r)} {...register('rating', { required: t('relationship.checkIn.pick') })} />
                <span className="radio__label">
                  {n.integer(r)} · {t(`relationship.checkIn.rating.${r}`)}
                </span>
              </label>
            ))}
          </div>
          {errors.rating?.message ? (
            <p className="field__error" role="alert">
              {errors.rating.message}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField id="check-in-comment" label={t('relationship.checkIn.comment')} maxLength={MAX_CHECK_IN_COMMENT_LENGTH} registration={register('comment')} />
        <ErrorAlert error={post.error} />
        {post.isSuccess ? <SuccessMessage>{t('relationship.checkIn.thanks')}</SuccessMessage> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={post.isPending} data-testid="send-check-in">
            {t('relationship.checkIn.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
