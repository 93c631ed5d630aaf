import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_AGREEMENT_GOALS, MAX_GOAL_LENGTH, MAX_MEETINGS_PER_MONTH, MIN_MEETINGS_PER_MONTH, type AgreementResponse } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { TextField } from '@web/components/field';
import { useAgreement, useGoalAchieved, useSaveAgreement, useSignAgreement } from '@web/features/relationship/hooks/use-relationship';
import { useFormatDate } from '@web/lib/use-format-date';
import { useLanguage } from '@web/lib/use-language';
import { useNumberFormat } from '@web/lib/use-number-format';

interface AgreementValues {
  goals: Array<{ text: string }>;
  meetingsPerMonth: string;
}

function AgreementForm({ mentorshipId, agreement, onDone }: { mentorshipId: string; agreement: AgreementResponse; onDone: () => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const save = useSaveAgreement(mentorshipId);
  const start = agreement.template;
  const initialGoals = agreement.goals.length > 0 ? agreement.goals : (start?.goals[language === 'fa' ? 'fa' : 'en'] ?? []);
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<AgreementValues>({
    defaultValues: {
      goals: (initialGoals.length > 0 ? initialGoals : ['']).map((text) => ({ text })),
      meetingsPerMonth: String(agreement.meetingsPerMonth ?? start?.meetingsPerMonth ?? 2),
    },
  });
  const goals = useFieldArray({ control, name: 'goals' });
  const onSubmit = handleSubmit((v) => {
    const texts = v.goals.map((g) => g.text.trim()).filter((g) => g.length > 0);
    save.mutate({ goals: texts, meetingsPerMonth: Number(v.meetingsPerMonth) }, { onSuccess: onDone });
  });
  return (
    <form className="form stack" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="agreement-form">
      <fieldset className="fieldset stack">
        <legend className="field__label">{t('relationship.agreement.goals')}</legend>
        {goals.fields.map((field, i) => (
          <div key={field.id} className="form__row">
            <TextField
              id={`goal-${i}`}
              label={t('relationship.agreement.goalN', { n: i + 1 })}
              maxLength={MAX_GOAL_LENGTH}
              registration={register(`goals.${i}.text` as const, { maxLength: { value: MAX_GOAL_LENGTH, message: t('validation.maxLength', { count: MAX_GOAL_LENGTH }) } })}
              error={errors.goals?.[i]?.text?.message}
            />
            {goals.fields.length > 1 ? (
              <button type="button" className="button button--secondary button--small" onClick={() => goals.remove(i)}>
                {t('relationship.agreement.removeGoal', { n: i + 1 })}
              </button>
            ) : null}
          </div>
        ))}
        {goals.fields.length < MAX_AGREEMENT_GOALS ? (
          <div>
            <button type="button" className="button button--secondary button--small" onClick={() => goals.append({ text: '' })}>
              {t('relationship.agreement.addGoal')}
            </button>
          </div>
        ) : null}
      </fieldset>
      <TextField
        id="meetings-per-month"
        label={t('relationship.agreement.meetingsPerMonth')}
        type="number"
        inputMode="numeric"
        min={MIN_MEETINGS_PER_MONTH}
        max={MAX_MEETINGS_PER_MONTH}
        registration={register('meetingsPerMonth', {
          validate: (value) =>
            (/^\d+$/.test(value) && Number(value) >= MIN_MEETINGS_PER_MONTH && Number(value) <= MAX_MEETINGS_PER_MONTH) ||
            t('relationship.agreement.meetingsRange', { min: MIN_MEETINGS_PER_MONTH, max: MAX_MEETINGS_PER_MONTH }),
        })}
        error={errors.meetingsPerMonth?.message}
      />
      <p className="field__hint">{t('relationship.agreement.changeClears')}</p>
      <ErrorAlert error={save.error} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="save-agreement">
          {save.isPending ? t('relationship.saving') : t('relationship.agreement.save')}
        </button>
        {agreement.goals.length > 0 ? (
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('relationship.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The pair's agreement: goals (each can be marked reached), meetings per month, the confidentiality statement, and both signatures. */
export function AgreementCard({ mentorshipId, myRole }: { mentorshipId: string; myRole: 'mentor' | 'mentee' | 'coordinator' }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const formatDate = useFormatDate();
  const n = useNumberFormat();
  const agreement = useAgreement(mentorshipId);
  const sign = useSignAgreement(mentorshipId);
  const achieved = useGoalAchieved(mentorshipId);
  const [editing, setEditing] = useState(false);
  const body = (() => {
    if (agreement.isPending) return <LoadingMessage />;
    if (agreement.isError) return <QueryError error={agreement.error} onRetry={() => void agreement.refetch()} />;
    const a = agreement.data;
    const canEdit = myRole !== 'coordinator';
    if (canEdit && (editing || a.goals.length === 0)) return <AgreementForm mentorshipId={mentorshipId} agreement={a} onDone={() => setEditing(false)} />;
    const mine = myRole === 'mentor' ? a.signedByMentorAt : myRole === 'mentee' ? a.signedByMenteeAt : null;
    const signature = (at: string | null) => (at ? t('relationship.agreement.signedOn', { date: formatDate(at, 'medium') }) : t('relationship.agreement.notSigned'));
    return (
      <div className="stack">
        {a.goals.length === 0 ? <p className="empty-state">{t('relationship.agreement.empty')}</p> : null}
        <ul className="plain-list" data-testid="agreement-goals">
          {a.goalItems.map((g) => (
            <li key={g.id}>
              {canEdit ? (
                <span className="checkbox">
                  <input id={`achieved-${g.id}`} type="checkbox" checked={g.achievedAt !== null} onChange={(e) => achieved.mutate({ goalId: g.id, achieved: e.target.checked })} />
                  <label htmlFor={`achieved-${g.id}`}>{g.text}</label>
                </span>
              ) : (
                <span>{g.text}</span>
              )}{' '}
              {g.achievedAt ? <span className="badge badge--success">{t('relationship.agreement.reached')}</span> : null}
            </li>
          ))}
        </ul>
        {a.meetingsPerMonth !== null ? <p>{t('relationship.agreement.meetings', { count: a.meetingsPerMonth, n: n.integer(a.meetingsPerMonth) })}</p> : null}
        <details>
          <summary>{t('relationship.agreement.confidentiality')}</summary>
          <p lang={language === 'fa' ? 'fa' : 'en'}>{language === 'fa' ? a.confidentiality.fa : a.confidentiality.en}</p>
        </details>
        <dl className="facts facts--grid">
          <div className="facts__item">
            <dt>{t('relationship.agreement.mentorSignature')}</dt>
            <dd data-testid="mentor-signature">{signature(a.signedByMentorAt)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('relationship.agreement.menteeSignature')}</dt>
            <dd data-testid="mentee-signature">{signature(a.signedByMenteeAt)}</dd>
          </div>
        </dl>
        <ErrorAlert error={sign.error ?? achieved.error} />
        {canEdit ? (
          <div className="button-row">
            {a.goals.length > 0 && !mine ? (
              <button type="button" className="button button--primary" onClick={() => sign.mutate(a.version)} disabled={sign.isPending} data-testid="sign-agreement">
                {t('relationship.agreement.sign')}
              </button>
            ) : null}
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)} data-testid="edit-agreement">
              {t('relationship.agreement.edit')}
            </button>
          </div>
        ) : null}
      </div>
    );
  })();
  return (
    <section className="panel stack" aria-labelledby="agreement-heading" data-testid="agreement-card">
      <h2 id="agreement-heading" className="panel__title">
        {t('relationship.agreement.title')}
      </h2>
      {body}
    </section>
  );
}
