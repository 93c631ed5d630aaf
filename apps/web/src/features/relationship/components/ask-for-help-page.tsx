import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_REFERRAL_MESSAGE_LENGTH, REFERRAL_URGENCIES, type ReferralUrgency } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { SelectField, TextAreaField } from '@web/components/field';
import { PageHeader } from '@web/components/page-header';
import { useMyMentorships } from '@web/features/matching/hooks/use-my-mentorships';
import { useMyReferrals, usePostReferral } from '@web/features/relationship/hooks/use-relationship';
import { useFormatDate } from '@web/lib/use-format-date';

interface HelpValues {
  programId: string;
  message: string;
  urgency: ReferralUrgency;
}

/** `/help`: a student writes to their program's coordinators, without going through their mentor. */
export function AskForHelpPage() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const mine = useMyMentorships();
  const referrals = useMyReferrals();
  const post = usePostReferral();
  const programs = [...new Map((mine.data ?? []).map((m) => [m.programId, m.programName])).entries()];
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<HelpValues>({ values: { programId: programs[0]?.[0] ?? '', message: '', urgency: 'routine' } });
  const onSubmit = handleSubmit((v) => post.mutate({ programId: v.programId, message: v.message.trim(), urgency: v.urgency }, { onSuccess: () => reset() }));
  return (
    <div data-testid="help-page">
      <PageHeader title={t('relationship.help.title')} intro={t('relationship.help.intro')} />
      <div className="stack">
        <section className="panel stack" aria-labelledby="help-form-heading">
          <h2 id="help-form-heading" className="panel__title">
            {t('relationship.help.formTitle')}
          </h2>
          <p className="field__hint">{t('relationship.help.confidential')}</p>
          {mine.isPending ? <LoadingMessage /> : null}
          {mine.isError ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
          {mine.data && programs.length === 0 ? <p className="empty-state">{t('relationship.help.noProgram')}</p> : null}
          {programs.length > 0 ? (
            <form className="form stack" onSubmit={(event) => void onSubmit(event)} noValidate>
              {programs.length > 1 ? (
                <SelectField id="help-program" label={t('relationship.help.program')} registration={register('programId')}>
                  {programs.map(([id, name]) => (
                    <option key={id} value={id}>
                      {name}
                    </option>
                  ))}
                </SelectField>
              ) : null}
              <TextAreaField
                id="help-message"
                label={t('relationship.help.message')}
                maxLength={MAX_REFERRAL_MESSAGE_LENGTH}
                aria-required
                registration={register('message', { validate: (value) => value.trim().length > 0 || t('validation.required') })}
                error={errors.message?.message}
              />
              <SelectField id="help-urgency" label={t('relationship.help.urgency')} registration={register('urgency')}>
                {REFERRAL_URGENCIES.map((u) => (
                  <option key={u} value={u}>
                    {t(`relationship.urgency.${u}`)}
                  </option>
                ))}
              </SelectField>
              <p className="field__hint">{t('relationship.help.emergency')}</p>
              <ErrorAlert error={post.error} />
              {post.isSuccess ? <SuccessMessage>{t('relationship.help.sent')}</SuccessMessage> : null}
              <div className="form__actions">
                <button type="submit" className="button button--primary" disabled={post.isPending} data-testid="send-referral">
                  {t('relationship.help.send')}
                </button>
              </div>
            </form>
          ) : null}
        </section>
        <section className="panel stack" aria-labelledby="help-mine-heading">
          <h2 id="help-mine-heading" className="panel__title">
            {t('relationship.help.mine')}
          </h2>
          {referrals.data && referrals.data.length === 0 ? <p className="empty-state">{t('relationship.help.none')}</p> : null}
          {referrals.data && referrals.data.length > 0 ? (
            <ul className="session-list">
              {referrals.data.map((r) => (
                <li key={r.id} className="session">
                  <h3 className="person__name">
                    {formatDate(r.createdAt, 'medium')} · {r.programName}{' '}
                    <span className={r.closedAt ? 'badge badge--success' : 'badge badge--info'}>{r.closedAt ? t('relationship.referrals.closed') : t('relationship.referrals.open')}</span>
                  </h3>
                  <p className="forum-text">{r.message}</p>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>
    </div>
  );
}
