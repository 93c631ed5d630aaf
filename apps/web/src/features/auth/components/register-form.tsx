import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_YEAR_OF_STUDY, MIN_PASSWORD_LENGTH, MIN_YEAR_OF_STUDY } from '@pm/contracts';
import { SelectField, TextField } from '@web/components/field';
import { ErrorAlert } from '@web/components/feedback';
import { useRegister } from '@web/features/auth/hooks/use-register';
import { applyServerFieldErrors } from '@web/lib/server-field-errors';
import { EMAIL_PATTERN } from '@web/lib/validation';

interface RegisterValues {
  fullName: string;
  email: string;
  password: string;
  /** A select's value is text; it becomes a number on submit. */
  yearOfStudy: string;
}

const YEARS = Array.from({ length: MAX_YEAR_OF_STUDY - MIN_YEAR_OF_STUDY + 1 }, (_, i) => MIN_YEAR_OF_STUDY + i);

export function RegisterForm() {
  const { t } = useTranslation();
  const registration = useRegister();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<RegisterValues>({ defaultValues: { fullName: '', email: '', password: '', yearOfStudy: '' } });

  const submit = handleSubmit((values) =>
    registration.mutate(
      {
        fullName: values.fullName.trim(),
        email: values.email.trim(),
        password: values.password,
        yearOfStudy: Number(values.yearOfStudy),
      },
      // What the API refused is said next to the field, in the reader's language, as well as in the alert.
      { onError: (error) => applyServerFieldErrors(error, setError, ['fullName', 'email', 'password', 'yearOfStudy'], t) },
    ),
  );

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorAlert error={registration.error} />
      <TextField
        id="register-full-name"
        label={t('auth.fields.fullName')}
        autoComplete="name"
        aria-required
        registration={register('fullName', {
          required: t('validation.required'),
          validate: (value) => value.trim().length > 0 || t('validation.required'),
          maxLength: { value: 200, message: t('validation.maxLength', { count: 200 }) },
        })}
        error={errors.fullName?.message}
      />
      <TextField
        id="register-email"
        label={t('auth.fields.email')}
        type="email"
        dir="ltr"
        autoComplete="email"
        inputMode="email"
        aria-required
        registration={register('email', {
          required: t('validation.required'),
          pattern: { value: EMAIL_PATTERN, message: t('validation.email') },
        })}
        error={errors.email?.message}
      />
      <TextField
        id="register-password"
        label={t('auth.fields.password')}
        type="password"
        autoComplete="new-password"
        aria-required
        hint={t('auth.fields.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        registration={register('password', {
          required: t('validation.required'),
          minLength: { value: MIN_PASSWORD_LENGTH, message: t('validation.minLength', { count: MIN_PASSWORD_LENGTH }) },
        })}
        error={errors.password?.message}
      />
      <SelectField
        id="register-year"
        label={t('auth.fields.yearOfStudy')}
        aria-required
        registration={register('yearOfStudy', { required: t('validation.required') })}
        error={errors.yearOfStudy?.message}
      >
        <option value="">{t('auth.fields.chooseYear')}</option>
        {YEARS.map((year) => (
          <option key={year} value={year}>
            {t('common.yearOfStudy', { year })}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--primary button--block" disabled={registration.isPending}>
        {registration.isPending ? t('auth.register.submitting') : t('auth.register.submit')}
      </button>
    </form>
  );
}
