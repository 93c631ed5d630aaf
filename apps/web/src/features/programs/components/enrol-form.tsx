import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DEFAULT_MENTOR_CAPACITY, ENROLLMENT_ROLES, EnrollmentRole, type UserSummary } from '@pm/contracts';
import { SelectField, TextField } from '@web/components/field';
import { ErrorAlert, SuccessMessage } from '@web/components/feedback';
import { useEnrollStudent } from '@web/features/programs/hooks/use-enroll-student';
import { useEnrollments } from '@web/features/programs/hooks/use-enrollments';
import { useStudentSearch } from '@web/features/programs/hooks/use-student-search';

interface EnrolValues {
  userId: string;
  role: EnrollmentRole;
  /** Text from the number input; only read for mentors. */
  capacity: string;
}

const MIN_CAPACITY = 1;
const MAX_CAPACITY = 20;

export function EnrolForm({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const [enrolled, setEnrolled] = useState<{ name: string; role: EnrollmentRole } | null>(null);
  const students = useStudentSearch(search);
  const enrollments = useEnrollments(programId);
  const enrol = useEnrollStudent(programId);

  const {
    register,
    handleSubmit,
    control,
    resetField,
    formState: { errors },
  } = useForm<EnrolValues>({ defaultValues: { userId: '', role: EnrollmentRole.Mentee, capacity: String(DEFAULT_MENTOR_CAPACITY) } });
  const role = useWatch({ control, name: 'role' });

  // Someone already in the program cannot be enrolled again, so they are not offered.
  const enrolledIds = new Set((enrollments.data ?? []).map((enrollment) => enrollment.userId));
  const candidates = (students.data ?? []).filter((student) => !enrolledIds.has(student.id));

  const optionLabel = (student: UserSummary): string =>
    student.yearOfStudy === null
      ? t('programs.enrol.studentOptionNoYear', { name: student.fullName, email: student.email })
      : t('programs.enrol.studentOption', { name: student.fullName, email: student.email, year: student.yearOfStudy });

  const submit = handleSubmit((values) => {
    setEnrolled(null);
    const student = candidates.find((candidate) => candidate.id === values.userId);
    enrol.mutate(
      {
        userId: values.userId,
        role: values.role,
        ...(values.role === EnrollmentRole.Mentor ? { capacity: Number(values.capacity) } : {}),
      },
      {
        onSuccess: () => {
          setEnrolled({ name: student?.fullName ?? '', role: values.role });
          resetField('userId');
        },
      },
    );
  });

  return (
    <section className="panel" aria-labelledby="enrol-heading">
      <h2 id="enrol-heading" className="panel__title">
        {t('programs.enrol.heading')}
      </h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorAlert error={enrol.error} />
        {enrolled ? <SuccessMessage>{t('programs.enrol.success', { name: enrolled.name, role: t(`relations.${enrolled.role}`) })}</SuccessMessage> : null}
        <div className="field">
          <label className="field__label" htmlFor={searchId}>
            {t('programs.enrol.search')}
          </label>
          <p className="field__hint" id={`${searchId}-hint`}>
            {t('programs.enrol.searchHint')}
          </p>
          <input
            id={searchId}
            className="field__control"
            type="search"
            autoComplete="off"
            aria-describedby={`${searchId}-hint`}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        {students.isError ? <ErrorAlert error={students.error} /> : null}
        <SelectField
          id="enrol-student"
          label={t('programs.enrol.student')}
          aria-required
          aria-busy={students.isFetching || undefined}
          hint={students.isSuccess && candidates.length === 0 ? t('programs.enrol.noMatches') : undefined}
          registration={register('userId', { required: t('validation.required') })}
          error={errors.userId?.message}
        >
          <option value="">{t('programs.enrol.chooseStudent')}</option>
          {candidates.map((student) => (
            <option key={student.id} value={student.id}>
              {optionLabel(student)}
            </option>
          ))}
        </SelectField>
        <SelectField id="enrol-role" label={t('programs.enrol.role')} registration={register('role')}>
          {ENROLLMENT_ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`relations.${option}`)}
            </option>
          ))}
        </SelectField>
        {role === EnrollmentRole.Mentor ? (
          <TextField
            id="enrol-capacity"
            label={t('programs.enrol.capacity')}
            hint={t('programs.enrol.capacityHint')}
            type="number"
            inputMode="numeric"
            min={MIN_CAPACITY}
            max={MAX_CAPACITY}
            step={1}
            registration={register('capacity', {
              validate: (value) => {
                const capacity = Number(value);
                return (
                  (Number.isInteger(capacity) && capacity >= MIN_CAPACITY && capacity <= MAX_CAPACITY) ||
                  t('validation.range', { min: MIN_CAPACITY, max: MAX_CAPACITY })
                );
              },
            })}
            error={errors.capacity?.message}
          />
        ) : null}
        <button type="submit" className="button button--primary" disabled={enrol.isPending}>
          {enrol.isPending ? t('programs.enrol.submitting') : t('programs.enrol.submit')}
        </button>
      </form>
    </section>
  );
}
