import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_LOG_MINUTES, MAX_LOG_NOTE_LENGTH, SESSION_TOPICS, type AgreementGoal, type SessionLogForPair, type SessionTopic } from '@pm/contracts';
import { ErrorAlert, SuccessMessage } from '@web/components/feedback';
import { SelectField, TextAreaField, TextField } from '@web/components/field';
import { useSaveSessionLog } from '@web/features/relationship/hooks/use-relationship';

interface LogValues {
  topics: SessionTopic[];
  minutes: string;
  note: string;
  /** '' for none; otherwise a goal id, or `achieved:<id>` to mark it achieved. */
  goal: string;
}

/**
 * Four fields, meant for the minute right after a session: topics (ticks), minutes (pre-filled with the
 * session's length), an optional private note, and an optional goal worked on (or reached).
 */
export function SessionLogForm({ sessionId, defaultMinutes, existing, goals }: { sessionId: string; defaultMinutes: number; existing: SessionLogForPair | null; goals: AgreementGoal[] }) {
  const { t } = useTranslation();
  const save = useSaveSessionLog(sessionId);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LogValues>({
    defaultValues: {
      topics: existing?.topics ?? [],
      minutes: String(existing?.minutes ?? defaultMinutes),
      note: existing?.note ?? '',
      goal: existing?.goalId ?? '',
    },
  });
  const onSubmit = handleSubmit((v) => {
    const achieved = v.goal.startsWith('achieved:');
    const goalId = achieved ? v.goal.slice('achieved:'.length) : v.goal;
    save.mutate({ topics: v.topics, minutes: Number(v.minutes), note: v.note.trim() === '' ? null : v.note.trim(), goalId: goalId === '' ? null : goalId, ...(achieved ? { goalAchieved: true } : {}) });
  });
  const openGoals = goals.filter((g) => g.achievedAt === null);
  return (
    <form className="form stack" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="session-log-form">
      <fieldset className="fieldset" aria-describedby={errors.topics ? 'log-topics-error' : undefined}>
        <legend className="field__label">{t('relationship.log.topics')}</legend>
        <div className="checkbox-group">
          {SESSION_TOPICS.map((topic) => (
            <div key={topic} className="checkbox">
              <input id={`log-topic-${topic}`} type="checkbox" value={topic} {...register('topics', { validate: (value) => value.length > 0 || t('relationship.log.topicsRequired') })} />
              <label htmlFor={`log-topic-${topic}`}>{t(`relationship.topic.${topic}`)}</label>
            </div>
          ))}
        </div>
        {errors.topics?.message ? (
          <p className="field__error" id="log-topics-error" role="alert">
            {errors.topics.message}
          </p>
        ) : null}
      </fieldset>
      <TextField
        id="log-minutes"
        label={t('relationship.log.minutes')}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_LOG_MINUTES}
        aria-required
        registration={register('minutes', {
          required: t('validation.required'),
          validate: (value) => (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_LOG_MINUTES) || t('relationship.log.minutesRange', { max: MAX_LOG_MINUTES }),
        })}
        error={errors.minutes?.message}
      />
      <TextAreaField
        id="log-note"
        label={t('relationship.log.note')}
        hint={t('relationship.log.noteHint')}
        maxLength={MAX_LOG_NOTE_LENGTH}
        registration={register('note')}
      />
      {goals.length > 0 ? (
        <SelectField id="log-goal" label={t('relationship.log.goal')} registration={register('goal')}>
          <option value="">{t('relationship.log.noGoal')}</option>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {t('relationship.log.workedOn', { goal: g.text })}
            </option>
          ))}
          {openGoals.map((g) => (
            <option key={`achieved:${g.id}`} value={`achieved:${g.id}`}>
              {t('relationship.log.reached', { goal: g.text })}
            </option>
          ))}
        </SelectField>
      ) : null}
      <ErrorAlert error={save.error} />
      {save.isSuccess ? <SuccessMessage>{t('relationship.log.saved')}</SuccessMessage> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="save-session-log">
          {save.isPending ? t('relationship.saving') : t('relationship.log.save')}
        </button>
      </div>
    </form>
  );
}
