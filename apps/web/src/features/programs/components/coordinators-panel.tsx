import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@web/components/field';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { useStaff } from '@web/features/admin/hooks/use-staff';
import { useAddCoordinator, useCoordinators } from '@web/features/programs/hooks/use-coordinators';

/**
 * Who runs the program, and a way to add someone: how an admin staffs a program they do not coordinate
 * themselves (they may add themselves too). Only active staff accounts who are not coordinators yet are offered.
 */
export function CoordinatorsPanel({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const coordinators = useCoordinators(programId);
  const staff = useStaff();
  const add = useAddCoordinator(programId);
  const [added, setAdded] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<{ userId: string }>({ defaultValues: { userId: '' } });

  const current = new Set((coordinators.data ?? []).map((coordinator) => coordinator.userId));
  const candidates = (staff.data ?? []).filter((person) => !current.has(person.id) && person.deactivatedAt === null);

  const submit = handleSubmit((values) => {
    setAdded(null);
    add.mutate(values, {
      onSuccess: (coordinator) => {
        setAdded(t('programCoordinators.added', { name: coordinator.fullName }));
        reset();
      },
    });
  });

  const list = (() => {
    if (coordinators.isPending) return <LoadingMessage />;
    if (coordinators.isError) return <QueryError error={coordinators.error} onRetry={() => void coordinators.refetch()} />;
    if (coordinators.data.length === 0) return <p className="empty-state">{t('programCoordinators.none')}</p>;
    return (
      <ul className="plain-list" data-testid="coordinator-list">
        {coordinators.data.map((coordinator) => (
          <li key={coordinator.userId}>
            <strong>{coordinator.fullName}</strong>
            {t('programs.separator')}
            <span dir="ltr">{coordinator.email}</span>
          </li>
        ))}
      </ul>
    );
  })();

  return (
    <section className="panel stack" aria-labelledby="coordinators-heading">
      <h2 id="coordinators-heading" className="panel__title">
        {t('programCoordinators.heading')}
      </h2>
      {list}
      <form className="form" noValidate onSubmit={(event) => void submit(event)} data-testid="add-coordinator-form">
        <ErrorAlert error={add.error} />
        {added ? <SuccessMessage>{added}</SuccessMessage> : null}
        {staff.error ? <QueryError error={staff.error} onRetry={() => void staff.refetch()} /> : null}
        <SelectField
          id="add-coordinator"
          label={t('programCoordinators.person')}
          hint={staff.data && candidates.length === 0 ? t('programCoordinators.noCandidates') : t('programCoordinators.hint')}
          aria-required
          aria-busy={staff.isPending || undefined}
          registration={register('userId', { required: t('validation.required') })}
          error={errors.userId?.message}
        >
          <option value="">{t('programCoordinators.choose')}</option>
          {candidates.map((person) => (
            <option key={person.id} value={person.id}>
              {t('programCoordinators.option', { name: person.fullName, role: t(`roles.${person.role}`) })}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--primary" disabled={add.isPending} data-testid="add-coordinator-submit">
          {add.isPending ? t('programCoordinators.adding') : t('programCoordinators.add')}
        </button>
      </form>
    </section>
  );
}
