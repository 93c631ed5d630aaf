import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SurveyItemResponse, SurveyWave, SurveyWavesResponse } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { useSubmitSurvey, useSurveyItems, useSurveyWaves } from '@web/features/surveys/hooks/use-surveys';
import { isApiError } from '@web/lib/api-error';
import { useNumberFormat } from '@web/lib/use-number-format';

const SCALE = [1, 2, 3, 4, 5] as const;

type Answers = Record<string, string>;

type Submit = ReturnType<typeof useSubmitSurvey>;

/** What the mentee meets: the baseline while it is open and unanswered, then the end-of-program survey, then thanks. */
const currentWave = (waves: SurveyWavesResponse): SurveyWave | 'done' => {
  if (waves.baseline.open && !waves.baseline.answered) return 'baseline';
  if (!waves.end.answered) return 'end';
  return 'done';
};

/** The baseline asks only the statements that read the same before and after mentoring; the end asks them all. */
const itemsOf = (items: SurveyItemResponse[], wave: SurveyWave): SurveyItemResponse[] => (wave === 'baseline' ? items.filter((item) => item.baseline) : items);

function Questions({ wave, items, submit }: { wave: SurveyWave; items: SurveyItemResponse[]; submit: Submit }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Answers>();

  const send = handleSubmit((values) => submit.mutate({ wave, answers: items.map((item) => ({ itemId: item.id, value: Number(values[item.id]) })) }));
  const pending = submit.isPending && submit.variables.wave === wave;
  return (
    <form className="form" noValidate onSubmit={(event) => void send(event)} data-testid="survey-form">
      {items.map((item, index) => {
        const error = errors[item.id]?.message;
        const errorId = `survey-${item.id}-error`;
        return (
          <fieldset key={item.id} className="fieldset" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
            <legend dir="auto">
              {format.integer(index + 1)}. {item.text}
            </legend>
            <div className="checkbox-group">
              {SCALE.map((value) => (
                <label key={value} className="checkbox">
                  <input type="radio" value={String(value)} {...register(item.id, { required: t('surveys.answer.required') })} />
                  <span>{t(`surveys.scale.label${value}`, { n: format.integer(value) })}</span>
                </label>
              ))}
            </div>
            {error ? (
              <p className="field__error" id={errorId} role="alert">
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={submit.isPending} data-testid="survey-submit">
          {pending ? t('surveys.answer.sending') : t('surveys.answer.submit')}
        </button>
      </div>
      {submit.variables?.wave === wave ? <ErrorAlert error={submit.error} /> : null}
    </form>
  );
}

function Waves({ programId, waves, items }: { programId: string; waves: SurveyWavesResponse; items: SurveyItemResponse[] }) {
  const { t } = useTranslation();
  const submit = useSubmitSurvey(programId);
  const sent = submit.isSuccess ? submit.variables.wave : null;
  const alreadyAnswered = isApiError(submit.error) && submit.error.code === 'SURVEY_ALREADY_ANSWERED';
  const wave = currentWave(waves);

  // The end answers close the survey; the page shows thanks at once, before the waves are read again.
  if (wave === 'done' || sent === 'end' || (alreadyAnswered && submit.variables?.wave === 'end')) {
    return (
      <p className="alert alert--success" role="status" data-testid="survey-thanks">
        {sent === 'end' ? t('surveys.answer.thanks') : t('surveys.answer.already')}
      </p>
    );
  }

  // A refusal about a wave no longer shown (the baseline closed as mentoring began) stays readable above the next form.
  const earlierError = submit.variables !== undefined && submit.variables.wave !== wave ? submit.error : null;
  return (
    <div className="stack" data-testid="survey-wave" data-wave={wave}>
      {sent === 'baseline' && wave === 'end' ? (
        <p className="alert alert--success" role="status" data-testid="survey-baseline-thanks">
          {t('surveys.answer.baselineThanks')}
        </p>
      ) : null}
      <ErrorAlert error={earlierError} />
      <p className="field__hint">{wave === 'baseline' ? t('surveys.answer.baselineIntro') : t('surveys.answer.intro')}</p>
      {wave === 'end' && waves.baseline.answered ? <p className="field__hint">{t('surveys.answer.endAfterBaseline')}</p> : null}
      <Questions key={wave} wave={wave} items={itemsOf(items, wave)} submit={submit} />
    </div>
  );
}

/**
 * Mentees: the perception survey, every statement rated from 1 to 5. Asked twice where the program repeats
 * statements: before mentoring begins (baseline) and at the end, so each student's change can be paired.
 */
export function SurveyForm({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const waves = useSurveyWaves(programId);
  const items = useSurveyItems(programId);
  const baseline = waves.data ? currentWave(waves.data) === 'baseline' : false;

  const body = (() => {
    if (waves.isPending || items.isPending) return <LoadingMessage />;
    if (waves.isError) return <QueryError error={waves.error} onRetry={() => void waves.refetch()} />;
    if (items.isError) return <QueryError error={items.error} onRetry={() => void items.refetch()} />;
    return <Waves programId={programId} waves={waves.data} items={items.data} />;
  })();

  return (
    <section className="panel stack" aria-labelledby="survey-heading">
      <h2 id="survey-heading" className="panel__title">
        {baseline ? t('surveys.answer.baselineHeading') : t('surveys.answer.heading')}
      </h2>
      {body}
    </section>
  );
}
