import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MentorshipStatus, type CreateMentorshipRequest } from '@pm/contracts';
import { SelectField } from '@web/components/field';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { useCreateMentorship } from '@web/features/matching/hooks/use-create-mentorship';
import { useMentorships } from '@web/features/matching/hooks/use-mentorships';
import { usePersonLabel } from '@web/features/matching/hooks/use-person-label';
import { useProgramPeople } from '@web/features/matching/hooks/use-program-people';
import { MentorPicker } from './mentor-picker';

export function ManualMatchForm({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const { people, ...enrollments } = useProgramPeople(programId);
  const mentorships = useMentorships(programId);
  const create = useCreateMentorship(programId);
  const personLabel = usePersonLabel();
  const [created, setCreated] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<CreateMentorshipRequest>({ defaultValues: { menteeId: '', mentorId: '' } });

  const active = (mentorships.data ?? []).filter((mentorship) => mentorship.status === MentorshipStatus.Active);
  const matchedMentees = new Set(active.map((mentorship) => mentorship.menteeId));

  const submit = handleSubmit((values) => {
    setCreated(null);
    create.mutate(values, {
      onSuccess: (mentorship) => {
        setCreated(t('matching.manual.success', { mentee: mentorship.menteeName, mentor: mentorship.mentorName }));
        reset();
      },
    });
  });

  const fields = (() => {
    if (enrollments.isPending) return <LoadingMessage />;
    if (enrollments.isError) return <QueryError error={enrollments.error} onRetry={() => void enrollments.refetch()} />;
    if (!people || people.mentees.length === 0 || people.mentors.length === 0) return <p className="muted">{t('matching.people.needBothSides')}</p>;
    return (
      <>
        <SelectField id="manual-mentee" label={t('matching.manual.mentee')} aria-required registration={register('menteeId', { required: t('validation.required') })} error={errors.menteeId?.message}>
          <option value="">{t('matching.people.chooseMentee')}</option>
          {people.mentees.map((mentee) => (
            <option key={mentee.userId} value={mentee.userId}>
              {matchedMentees.has(mentee.userId) ? t('matching.manual.hasMentor', { person: personLabel(mentee) }) : personLabel(mentee)}
            </option>
          ))}
        </SelectField>
        <MentorPicker mentors={people.mentors} registration={register('mentorId', { required: t('validation.required') })} error={errors.mentorId?.message} />
        <button type="submit" className="button button--primary" disabled={create.isPending} data-testid="manual-match-submit">
          {create.isPending ? t('matching.manual.submitting') : t('matching.manual.submit')}
        </button>
      </>
    );
  })();

  return (
    <section className="panel" aria-labelledby="manual-match-heading">
      <h2 id="manual-match-heading" className="panel__title">
        {t('matching.manual.heading')}
      </h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)} data-testid="manual-match-form">
        <p className="field__hint">{t('matching.manual.hint')}</p>
        <ErrorAlert error={create.error} />
        {created ? <SuccessMessage>{created}</SuccessMessage> : null}
        {fields}
      </form>
    </section>
  );
}
