import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ALLOCATION_SEED_MAX_LENGTH, type AllocationResponse, type ProgramResponse } from '@pm/contracts';
import { SelectField, TextField } from '@web/components/field';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { useAllocation, useCreateAllocation, useFollowOn } from '@web/features/allocation/hooks/use-allocation';
import { useMyPrograms } from '@web/features/programs/hooks/use-my-programs';
import { useFormatDate } from '@web/lib/use-format-date';
import { useNumberFormat } from '@web/lib/use-number-format';
import { drawSeed } from './draw-seed';

interface LotteryValues {
  places: string;
  seed: string;
  stratify: boolean;
}

/** The coordinator's lottery: explained in plain words, drawn once, with the seed shown so anyone can repeat it. */
export function AllocationPanel({ program }: { program: ProgramResponse }) {
  const { t } = useTranslation();
  const allocation = useAllocation(program.id);
  const body = (() => {
    if (allocation.isPending) return <LoadingMessage />;
    if (allocation.isError) return <QueryError error={allocation.error} onRetry={() => void allocation.refetch()} />;
    return allocation.data ? <AllocationResult programId={program.id} allocation={allocation.data} /> : <LotteryForm program={program} />;
  })();
  return (
    <section className="panel stack" aria-labelledby="allocation-heading" data-testid="allocation-panel">
      <h2 id="allocation-heading" className="panel__title">
        {t('allocation.heading')}
      </h2>
      <p>{t('allocation.why')}</p>
      <p className="muted">{t('allocation.how')}</p>
      {body}
    </section>
  );
}

function LotteryForm({ program }: { program: ProgramResponse }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const create = useCreateAllocation(program.id);
  const mentees = program.counts.mentees;
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors },
  } = useForm<LotteryValues>({ defaultValues: { places: '', seed: '', stratify: false } });

  const submit = handleSubmit((values) => {
    create.mutate({ places: Number(values.places), seed: values.seed, stratifyBy: values.stratify ? 'year_of_study' : 'none' });
  });

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} data-testid="lottery-form">
      <p>{t('allocation.form.mentees', { count: mentees, n: format.integer(mentees) })}</p>
      <ErrorAlert error={create.error} />
      <TextField
        id="lottery-places"
        label={t('allocation.form.places')}
        hint={t('allocation.form.placesHint')}
        type="number"
        inputMode="numeric"
        min={1}
        aria-required
        registration={register('places', {
          required: t('validation.required'),
          validate: (value) => {
            const n = Number(value);
            if (!Number.isInteger(n) || n < 1) return t('allocation.form.placesWhole');
            return n < mentees || t('allocation.form.placesTooMany', { n: format.integer(mentees) });
          },
        })}
        error={errors.places?.message}
      />
      <TextField
        id="lottery-seed"
        label={t('allocation.form.seed')}
        hint={t('allocation.form.seedHint')}
        dir="ltr"
        autoComplete="off"
        maxLength={ALLOCATION_SEED_MAX_LENGTH}
        aria-required
        registration={register('seed', { required: t('allocation.form.seedRequired') })}
        error={errors.seed?.message}
      />
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={() => setValue('seed', drawSeed(), { shouldValidate: true })} data-testid="draw-seed">
          {t('allocation.form.drawSeed')}
        </button>
      </div>
      <div className="checkbox">
        <input id="lottery-stratify" type="checkbox" {...register('stratify')} />
        <label htmlFor="lottery-stratify">{t('allocation.form.stratify')}</label>
      </div>
      <p className="field__hint">{t('allocation.form.once')}</p>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending} data-testid="lottery-submit">
          {create.isPending ? t('allocation.form.submitting') : t('allocation.form.submit')}
        </button>
      </div>
    </form>
  );
}

function AllocationResult({ programId, allocation }: { programId: string; allocation: AllocationResponse }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const formatDate = useFormatDate();
  return (
    <div className="stack" data-testid="allocation-result">
      <p className="lead">
        {t('allocation.result.summary', {
          date: formatDate(allocation.createdAt.slice(0, 10), 'medium'),
          places: format.integer(allocation.places),
          offered: format.integer(allocation.offered.length),
          waitlisted: format.integer(allocation.waitlisted.length),
        })}
      </p>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('allocation.result.seed')}</dt>
          <dd>
            <code dir="ltr" data-testid="allocation-seed">
              {allocation.seed}
            </code>
          </dd>
        </div>
        <div className="stat">
          <dt>{t('allocation.result.strata')}</dt>
          <dd>{t(`allocation.result.stratifyBy.${allocation.stratifyBy}`)}</dd>
        </div>
      </dl>
      <p className="muted">{t('allocation.result.reproduce')}</p>
      <p className="muted">{t('allocation.result.onlyOffered')}</p>
      <h3 id="allocation-table-title" className="subsection-title">
        {t('allocation.result.tableTitle')}
      </h3>
      <TableScroll labelledBy="allocation-table-title">
        <table data-testid="allocation-table">
          <thead>
            <tr>
              <th scope="col">{t('allocation.result.rank')}</th>
              <th scope="col">{t('allocation.result.name')}</th>
              <th scope="col">{t('allocation.result.year')}</th>
              <th scope="col">{t('allocation.result.outcome')}</th>
              <th scope="col">{t('allocation.result.matched')}</th>
              <th scope="col">{t('allocation.result.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {allocation.entries.map((entry) => (
              <tr key={entry.userId} data-outcome={entry.outcome}>
                <td>{format.integer(entry.rank)}</td>
                <th scope="row">{entry.fullName}</th>
                <td>{entry.yearOfStudy === null ? '–' : format.integer(entry.yearOfStudy)}</td>
                <td>{t(`allocation.outcome.${entry.outcome}`)}</td>
                <td>{entry.matched ? t('allocation.result.yes') : t('allocation.result.no')}</td>
                <td>
                  <code dir="ltr" title={entry.hash}>
                    {entry.hash.slice(0, 12)}…
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {allocation.waitlisted.length > 0 ? <FollowOnForm programId={programId} allocation={allocation} /> : null}
    </div>
  );
}

function FollowOnForm({ programId, allocation }: { programId: string; allocation: AllocationResponse }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const programs = useMyPrograms();
  const followOn = useFollowOn(programId, allocation.id);
  const [done, setDone] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<{ targetProgramId: string }>({ defaultValues: { targetProgramId: '' } });
  const targets = (programs.data ?? []).filter((p) => p.id !== programId && p.myRelations.includes('coordinator'));
  const already = allocation.entries.filter((e) => e.outcome === 'waitlisted' && e.followOnProgramId !== null).length;

  const submit = handleSubmit(({ targetProgramId }) => {
    setDone(null);
    followOn.mutate(targetProgramId, {
      onSuccess: (result) => {
        const name = targets.find((p) => p.id === result.targetProgramId)?.name ?? '';
        setDone(t('allocation.followOn.done', { enrolled: format.integer(result.enrolled), already: format.integer(result.alreadyEnrolled), program: name }));
      },
    });
  });

  return (
    <section className="stack" aria-labelledby="follow-on-heading" data-testid="follow-on">
      <h3 id="follow-on-heading" className="subsection-title">
        {t('allocation.followOn.heading')}
      </h3>
      <p>{t('allocation.followOn.explain', { n: format.integer(allocation.waitlisted.length) })}</p>
      {already > 0 ? <p className="muted">{t('allocation.followOn.already', { n: format.integer(already) })}</p> : null}
      {programs.isPending ? (
        <LoadingMessage />
      ) : targets.length === 0 ? (
        <p className="empty-state">{t('allocation.followOn.noTarget')}</p>
      ) : (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <ErrorAlert error={followOn.error} />
          {done ? <SuccessMessage>{done}</SuccessMessage> : null}
          <SelectField id="follow-on-target" label={t('allocation.followOn.target')} aria-required registration={register('targetProgramId', { required: t('validation.required') })} error={errors.targetProgramId?.message}>
            <option value="">{t('allocation.followOn.choose')}</option>
            {targets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={followOn.isPending} data-testid="follow-on-submit">
              {t('allocation.followOn.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
