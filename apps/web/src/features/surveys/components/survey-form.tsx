import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SurveyItemResponse } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { useSubmitSurvey, useSurveyItems } from '@web/features/surveys/hooks/use-surveys';
import { isApiError } from '@web/lib/api-error';
import { useNumberFormat } from '@web/lib/use-number-format';

const SCALE = [1, 2, 3, 4, 5] as const;

type Answers = Record<string, string>;

function Questions({ programId, items }: { programId: string; items: SurveyItemResponse[] }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const submit = useSubmitSurvey(programId);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Answers>();

  const alreadyAnswered = isApiError(submit.error) && submit.error.code === 'SURVEY_ALREADY_ANSWERED';
  if (submit.isSuccess || alreadyAnswered) {
    return (
      <p className="alert alert--success" role="status" data-testid="survey-thanks">
        {alreadyAnswered ? t('surveys.answer.already') : t('surveys.answer.thanks')}
      </p>
    );
  }

  const send = handleSubmit((values) => submit.mutate({ answers: items.map((item) => ({ itemId: item.id, value: Number(values[item.id]) })) }));
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
          {submit.isPending ? t('surveys.answer.sending') : t('surveys.answer.submit')}
        </button>
      </div>
      <ErrorAlert error={submit.error} />
    </form>
  );
}

/** Mentees: the end-of-program survey, every statement rated once from 1 to 5. */
export function SurveyForm({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const items = useSurveyItems(programId);
  return (
    <section className="panel stack" aria-labelledby="survey-heading">
      <h2 id="survey-heading" className="panel__title">
        {t('surveys.answer.heading')}
      </h2>
      <p className="field__hint">{t('surveys.answer.intro')}</p>
      {items.isPending ? <LoadingMessage /> : items.isError ? <QueryError error={items.error} onRetry={() => void items.refetch()} /> : <Questions programId={programId} items={items.data} />}
    </section>
  );
}
