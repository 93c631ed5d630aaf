import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ExclusionRequest } from '@pm/contracts';
import { SelectField } from '@web/components/field';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { useAddExclusion, useExclusions, useRemoveExclusion } from '@web/features/matching/hooks/use-exclusions';
import { usePersonLabel } from '@web/features/matching/hooks/use-person-label';
import { useProgramPeople, type ProgramPeople } from '@web/features/matching/hooks/use-program-people';
import { useFormatDate } from '@web/lib/use-format-date';

function AddExclusionForm({ programId, people }: { programId: string; people: ProgramPeople }) {
  const { t } = useTranslation();
  const add = useAddExclusion(programId);
  const personLabel = usePersonLabel();
  const [added, setAdded] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<ExclusionRequest>({ defaultValues: { menteeId: '', mentorId: '' } });

  const submit = handleSubmit((values) => {
    setAdded(null);
    add.mutate(values, {
      onSuccess: () => {
        setAdded(t('matching.exclusions.added', { mentee: people.nameOf(values.menteeId), mentor: people.nameOf(values.mentorId) }));
        reset();
      },
    });
  });

  return (
    <form className="form" noValidate aria-labelledby="add-exclusion-heading" onSubmit={(event) => void submit(event)}>
      <h3 id="add-exclusion-heading" className="subsection-title">
        {t('matching.exclusions.addHeading')}
      </h3>
      <ErrorAlert error={add.error} />
      {added ? <SuccessMessage>{added}</SuccessMessage> : null}
      <div className="form__row">
        <SelectField id="exclusion-mentee" label={t('matching.exclusions.mentee')} aria-required registration={register('menteeId', { required: t('validation.required') })} error={errors.menteeId?.message}>
          <option value="">{t('matching.people.chooseMentee')}</option>
          {people.mentees.map((mentee) => (
            <option key={mentee.userId} value={mentee.userId}>
              {personLabel(mentee)}
            </option>
          ))}
        </SelectField>
        <SelectField id="exclusion-mentor" label={t('matching.exclusions.mentor')} aria-required registration={register('mentorId', { required: t('validation.required') })} error={errors.mentorId?.message}>
          <option value="">{t('matching.people.chooseMentor')}</option>
          {people.mentors.map((mentor) => (
            <option key={mentor.userId} value={mentor.userId}>
              {personLabel(mentor)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? t('matching.exclusions.adding') : t('matching.exclusions.add')}
        </button>
      </div>
    </form>
  );
}

/** Pairs the coordinator never wants matched (a conflict of interest, a past falling-out), with add and remove. */
export function ExclusionsPanel({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const exclusions = useExclusions(programId);
  const { people, ...enrollments } = useProgramPeople(programId);
  const remove = useRemoveExclusion(programId);

  const list = (() => {
    if (exclusions.isPending || enrollments.isPending) return <LoadingMessage />;
    if (exclusions.isError) return <QueryError error={exclusions.error} onRetry={() => void exclusions.refetch()} />;
    if (enrollments.isError) return <QueryError error={enrollments.error} onRetry={() => void enrollments.refetch()} />;
    if (exclusions.data.length === 0) return <p className="muted">{t('matching.exclusions.empty')}</p>;
    const nameOf = people?.nameOf ?? ((id: string) => id);
    return (
      <TableScroll labelledBy="exclusions-heading">
        <table className="table" aria-labelledby="exclusions-heading" data-testid="exclusion-table">
          <thead>
            <tr>
              <th scope="col">{t('matching.exclusions.mentee')}</th>
              <th scope="col">{t('matching.exclusions.mentor')}</th>
              <th scope="col">{t('matching.exclusions.since')}</th>
              <th scope="col">{t('matching.mentorships.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {exclusions.data.map((exclusion) => {
              const mentee = nameOf(exclusion.menteeId);
              const mentor = nameOf(exclusion.mentorId);
              return (
                <tr key={`${exclusion.menteeId}:${exclusion.mentorId}`}>
                  <th scope="row">{mentee}</th>
                  <td>{mentor}</td>
                  <td>{formatDate(exclusion.createdAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('matching.exclusions.removeLabel', { mentee, mentor })}
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ menteeId: exclusion.menteeId, mentorId: exclusion.mentorId })}
                    >
                      {t('matching.exclusions.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    );
  })();

  return (
    <section className="panel" aria-labelledby="exclusions-heading">
      <h2 id="exclusions-heading" className="panel__title">
        {t('matching.exclusions.heading')}
      </h2>
      <div className="stack">
        <p className="field__hint">{t('matching.exclusions.hint')}</p>
        <ErrorAlert error={remove.error} />
        {list}
        {people && people.mentees.length > 0 && people.mentors.length > 0 ? <AddExclusionForm programId={programId} people={people} /> : null}
      </div>
    </section>
  );
}
