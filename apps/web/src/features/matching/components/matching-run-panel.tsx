import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MATCHING_ALGORITHMS, MatchingAlgorithm } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { useCreateMatchingRun } from '@web/features/matching/hooks/use-create-matching-run';
import { useMatchingRuns } from '@web/features/matching/hooks/use-matching-runs';
import { useElapsedSeconds } from '@web/lib/use-elapsed-seconds';
import { RunPreview } from './run-preview';

interface RunValues {
  algorithm: MatchingAlgorithm;
}

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
  const { t } = useTranslation();
  const runs = useMatchingRuns(programId);
  const createRun = useCreateMatchingRun(programId);
  const elapsed = useElapsedSeconds(createRun.isPending);
  const { register, handleSubmit, setValue } = useForm<RunValues>({ defaultValues: { algorithm: MatchingAlgorithm.Optimal } });

  const run = (algorithm: MatchingAlgorithm): void => {
    setValue('algorithm', algorithm);
    createRun.mutate(algorithm);
  };
  const submit = handleSubmit((values) => run(values.algorithm));
  const latest = runs.data?.[0];

  const result = (() => {
    if (createRun.isPending) return <RunBusy algorithm={createRun.variables} elapsed={elapsed} />;
    if (latest) return <RunPreview key={latest.id} programId={programId} run={latest} onRunAgain={() => run(latest.algorithm)} />;
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
