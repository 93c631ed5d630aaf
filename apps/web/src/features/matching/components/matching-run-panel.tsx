import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DEFAULT_MATCHING_WEIGHTS, MATCHING_ALGORITHMS, MATCHING_WEIGHT_KEYS, MAX_MATCHING_WEIGHT, MatchingAlgorithm, type MatchingRunResponse, type MatchingWeights } from '@pm/contracts';
import { TextField } from '@web/components/field';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { useCreateMatchingRun, type MatchingRunInput } from '@web/features/matching/hooks/use-create-matching-run';
import { useMatchingRuns } from '@web/features/matching/hooks/use-matching-runs';
import { useElapsedSeconds } from '@web/lib/use-elapsed-seconds';
import { RunPreview } from './run-preview';

/** The inputs' text, as typed: it becomes numbers only once it is valid. */
type WeightDraft = Record<keyof MatchingWeights, string>;

interface RunValues {
  algorithm: MatchingAlgorithm;
  weights: WeightDraft;
}

const MIN_MATCHING_WEIGHT = 0;

const toDraft = (weights: MatchingWeights): WeightDraft => {
  const draft = {} as WeightDraft;
  for (const key of MATCHING_WEIGHT_KEYS) draft[key] = String(weights[key]);
  return draft;
};

const toWeights = (draft: WeightDraft): MatchingWeights => {
  const weights = { ...DEFAULT_MATCHING_WEIGHTS };
  for (const key of MATCHING_WEIGHT_KEYS) weights[key] = Number(draft[key]);
  return weights;
};

/** A whole number of points in range; an empty box is not 0, it is a mistake. */
const isWeight = (text: string): boolean => {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= MIN_MATCHING_WEIGHT && value <= MAX_MATCHING_WEIGHT;
};

/** A run always states its weights; anything missing was scored with the defaults. */
const weightsOf = (run: MatchingRunResponse): MatchingWeights => ({ ...DEFAULT_MATCHING_WEIGHTS, ...run.weights });

const isDefaultDraft = (draft: WeightDraft): boolean => MATCHING_WEIGHT_KEYS.every((key) => draft[key].trim() === String(DEFAULT_MATCHING_WEIGHTS[key]));

function RunBusy({ algorithm, elapsed }: { algorithm: MatchingAlgorithm; elapsed: number }) {
  const { t } = useTranslation();
  return (
    <section className="panel busy" aria-labelledby="matching-busy-heading" data-testid="run-busy">
      {/* Announced once when the run starts; not aria-busy, which would keep screen readers from announcing it. */}
      <div role="status">
        <h2 id="matching-busy-heading" className="panel__title">
          {t('matching.run.running', { algorithm: t(`matching.algorithm.${algorithm}.name`) })}
        </h2>
      </div>
      <progress className="busy__progress" aria-labelledby="matching-busy-heading" />
      {/* Not a live region: a screen reader announcing every second would drown out everything else. */}
      <p className="muted">{t('matching.run.elapsed', { count: elapsed })}</p>
      <p className="muted">{t('matching.run.longRunHint')}</p>
    </section>
  );
}

/**
 * Runs the matching and shows the latest run. The page always shows the newest run the API has, so a reload
 * or a second coordinator's run never leaves an outdated preview on screen.
 */
export function MatchingRunPanel({ programId }: { programId: string }) {
  // Keyed by program, so moving to another program starts a fresh form from that program's own weights.
  return <MatchingRunPanelBody key={programId} programId={programId} />;
}

function MatchingRunPanelBody({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const runs = useMatchingRuns(programId);
  const createRun = useCreateMatchingRun(programId);
  const elapsed = useElapsedSeconds(createRun.isPending);
  const latest = runs.data?.[0];
  const {
    register,
    handleSubmit,
    setValue,
    reset,
    getValues,
    clearErrors,
    control,
    formState: { errors },
  } = useForm<RunValues>({
    defaultValues: { algorithm: MatchingAlgorithm.Optimal, weights: toDraft(latest ? weightsOf(latest) : DEFAULT_MATCHING_WEIGHTS) },
  });
  const draft = useWatch({ control, name: 'weights' });
  const [weightsOpen, setWeightsOpen] = useState(false);

  // Each program keeps its own weights: the form starts from its latest run once the runs are known (at once
  // when they were cached). A box the coordinator already changed keeps its value.
  const seeded = useRef(runs.isSuccess);
  useEffect(() => {
    if (seeded.current || !runs.isSuccess) return;
    seeded.current = true;
    if (latest) reset({ ...getValues(), weights: toDraft(weightsOf(latest)) }, { keepDirtyValues: true });
  }, [runs.isSuccess, latest, reset, getValues]);

  const run = (input: MatchingRunInput): void => {
    // The form shows what is being run, also when the run comes from "Run again" on a preview.
    setValue('algorithm', input.algorithm);
    setValue('weights', toDraft(input.weights));
    clearErrors('weights');
    createRun.mutate(input);
  };
  const submit = handleSubmit(
    (values) => run({ algorithm: values.algorithm, weights: toWeights(values.weights) }),
    // A mistake inside the closed disclosure would be invisible and could not take focus, so open it first.
    (invalid) => {
      if (invalid.weights) setWeightsOpen(true);
    },
  );
  const resetWeights = (): void => {
    for (const key of MATCHING_WEIGHT_KEYS) setValue(`weights.${key}`, String(DEFAULT_MATCHING_WEIGHTS[key]), { shouldDirty: true });
    clearErrors('weights');
  };
  const invalidWeight = t('matching.weights.invalid', { min: MIN_MATCHING_WEIGHT, max: MAX_MATCHING_WEIGHT });

  const result = (() => {
    if (createRun.isPending) return <RunBusy algorithm={createRun.variables.algorithm} elapsed={elapsed} />;
    if (latest) {
      return <RunPreview key={latest.id} programId={programId} run={latest} onRunAgain={() => run({ algorithm: latest.algorithm, weights: weightsOf(latest) })} />;
    }
    if (runs.isPending) return <LoadingMessage />;
    if (runs.isError) return <QueryError error={runs.error} onRetry={() => void runs.refetch()} />;
    return <p className="empty-state">{t('matching.run.noRunYet')}</p>;
  })();

  return (
    <>
      <section className="panel" aria-labelledby="matching-run-heading">
        <h2 id="matching-run-heading" className="panel__title">
          {t('matching.run.heading')}
        </h2>
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <ErrorAlert error={createRun.error} />
          <fieldset className="fieldset">
            <legend className="field__label">{t('matching.run.algorithmLegend')}</legend>
            <div className="radio-group">
              {MATCHING_ALGORITHMS.map((algorithm) => (
                <div key={algorithm} className="radio">
                  <input
                    type="radio"
                    id={`algorithm-${algorithm}`}
                    value={algorithm}
                    aria-describedby={`algorithm-${algorithm}-hint`}
                    data-testid={`algorithm-${algorithm}`}
                    {...register('algorithm')}
                  />
                  <div>
                    <label htmlFor={`algorithm-${algorithm}`} className="radio__label">
                      {t(`matching.algorithm.${algorithm}.name`)}
                    </label>
                    <p id={`algorithm-${algorithm}-hint`} className="field__hint">
                      {t(`matching.algorithm.${algorithm}.hint`)}
                    </p>
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
          <details className="help" open={weightsOpen} onToggle={(event) => setWeightsOpen(event.currentTarget.open)} data-testid="weights-disclosure">
            <summary>
              {t('matching.weights.disclosure')}
              {isDefaultDraft(draft) ? null : (
                <>
                  {' '}
                  <span className="badge badge--neutral" data-testid="weights-custom">
                    {t('matching.weights.custom')}
                  </span>
                </>
              )}
            </summary>
            <fieldset className="fieldset" aria-describedby="weights-hint">
              <legend className="field__label">{t('matching.weights.legend')}</legend>
              <p id="weights-hint" className="field__hint">
                {t('matching.weights.hint')}
              </p>
              <div className="form__row">
                {MATCHING_WEIGHT_KEYS.map((key) => (
                  <TextField
                    key={key}
                    id={`weight-${key}`}
                    label={t(`matching.weights.${key}.label`)}
                    hint={t(`matching.weights.${key}.hint`)}
                    type="number"
                    inputMode="numeric"
                    min={MIN_MATCHING_WEIGHT}
                    max={MAX_MATCHING_WEIGHT}
                    step={1}
                    data-testid={`weight-${key}`}
                    registration={register(`weights.${key}`, { validate: (value) => isWeight(value) || invalidWeight })}
                    error={errors.weights?.[key]?.message}
                  />
                ))}
              </div>
              <div className="form__actions">
                <button type="button" className="button button--secondary button--small" onClick={resetWeights} data-testid="reset-weights">
                  {t('matching.weights.reset')}
                </button>
              </div>
            </fieldset>
          </details>
          <p className="field__hint">{t('matching.run.previewHint')}</p>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={createRun.isPending} data-testid="run-matching">
              {createRun.isPending ? t('matching.run.submitting') : t('matching.run.submit')}
            </button>
          </div>
        </form>
      </section>
      {result}
    </>
  );
}
