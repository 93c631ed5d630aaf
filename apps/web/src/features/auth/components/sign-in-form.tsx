import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { LoginRequest } from '@pm/contracts';
import { TextField } from '@web/components/field';
import { ErrorAlert } from '@web/components/feedback';
import { useSignIn } from '@web/features/auth/hooks/use-sign-in';
import { EMAIL_PATTERN } from '@web/lib/validation';

/** Where to go afterwards is decided by the sign-in route's guard, once the session exists. */
export function SignInForm() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LoginRequest>({ defaultValues: { email: '', password: '' } });

  const submit = handleSubmit((values) => signIn.mutate({ email: values.email.trim(), password: values.password }));

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorAlert error={signIn.error} />
      <TextField
        id="sign-in-email"
        label={t('auth.fields.email')}
        type="email"
        dir="ltr"
        autoComplete="username"
        inputMode="email"
        aria-required
        registration={register('email', {
          required: t('validation.required'),
          pattern: { value: EMAIL_PATTERN, message: t('validation.email') },
        })}
        error={errors.email?.message}
      />
      <TextField
        id="sign-in-password"
        label={t('auth.fields.password')}
        type="password"
        autoComplete="current-password"
        aria-required
        registration={register('password', { required: t('validation.required') })}
        error={errors.password?.message}
      />
      <button type="submit" className="button button--primary button--block" disabled={signIn.isPending}>
        {signIn.isPending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
      </button>
    </form>
  );
}
