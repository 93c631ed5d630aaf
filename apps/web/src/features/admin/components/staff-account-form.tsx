import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, Role, STAFF_ROLES, type CreateUserRequest, type StaffRole } from '@pm/contracts';
import { SelectField, TextField } from '@web/components/field';
import { ErrorAlert, SuccessMessage } from '@web/components/feedback';
import { useCreateStaffAccount } from '@web/features/admin/hooks/use-create-staff-account';
import { EMAIL_PATTERN } from '@web/lib/validation';

const EMPTY: CreateUserRequest = { fullName: '', email: '', password: '', role: Role.Coordinator };

export function StaffAccountForm() {
  const { t } = useTranslation();
  const createAccount = useCreateStaffAccount();
  const [created, setCreated] = useState<{ name: string; role: StaffRole } | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<CreateUserRequest>({ defaultValues: EMPTY });

  const submit = handleSubmit((values) => {
    setCreated(null);
    createAccount.mutate(
      { ...values, fullName: values.fullName.trim(), email: values.email.trim() },
      {
        onSuccess: (user) => {
          setCreated({ name: user.fullName, role: values.role });
          // Keep the chosen role: admins often create several coordinators in a row.
          reset({ ...EMPTY, role: values.role });
        },
      },
    );
  });

  return (
    <section className="panel" aria-labelledby="staff-form-heading">
      <h2 id="staff-form-heading" className="panel__title">
        {t('staff.formHeading')}
      </h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorAlert error={createAccount.error} />
        {created ? <SuccessMessage>{t('staff.success', { name: created.name, role: t(`roles.${created.role}`) })}</SuccessMessage> : null}
        <TextField
          id="staff-full-name"
          label={t('auth.fields.fullName')}
          autoComplete="off"
          aria-required
          registration={register('fullName', {
            required: t('validation.required'),
            validate: (value) => value.trim().length > 0 || t('validation.required'),
            maxLength: { value: 200, message: t('validation.maxLength', { count: 200 }) },
          })}
          error={errors.fullName?.message}
        />
        <TextField
          id="staff-email"
          label={t('auth.fields.email')}
          type="email"
          dir="ltr"
          autoComplete="off"
          aria-required
          registration={register('email', {
            required: t('validation.required'),
            pattern: { value: EMAIL_PATTERN, message: t('validation.email') },
          })}
          error={errors.email?.message}
        />
        <TextField
          id="staff-password"
          label={t('auth.fields.password')}
          type="password"
          autoComplete="new-password"
          aria-required
          hint={`${t('auth.fields.passwordHint', { count: MIN_PASSWORD_LENGTH })} ${t('staff.passwordHint')}`}
          registration={register('password', {
            required: t('validation.required'),
            minLength: { value: MIN_PASSWORD_LENGTH, message: t('validation.minLength', { count: MIN_PASSWORD_LENGTH }) },
          })}
          error={errors.password?.message}
        />
        <SelectField id="staff-role" label={t('staff.role')} registration={register('role')}>
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--primary" disabled={createAccount.isPending}>
          {createAccount.isPending ? t('staff.submitting') : t('staff.submit')}
        </button>
      </form>
    </section>
  );
}
