import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '@pm/contracts';
import { TextField } from '@web/components/field';
import { ErrorAlert } from '@web/components/feedback';
import { useAcceptInvitation } from '@web/features/onboarding/hooks/use-onboarding';
import { welcomePath } from '@web/features/onboarding/components/welcome-path';

interface Values {
  password: string;
  repeat: string;
}

/** Choose a password, and the invitation is accepted: signed in, then on to the profile step. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({ defaultValues: { password: '', repeat: '' } });
  const submit = handleSubmit((values) =>
    accept.mutate({ token, password: values.password }, { onSuccess: (auth) => void navigate(welcomePath(auth.programId), { replace: true }) }),
  );
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} data-testid="accept-invitation">
      <ErrorAlert error={accept.error} />
      {/* The account's address, for password managers. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        id="invite-password"
        type="password"
        autoComplete="new-password"
        label={t('onboarding.invite.password')}
        hint={t('onboarding.invite.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        registration={register('password', { validate: (v) => v.length >= MIN_PASSWORD_LENGTH || t('onboarding.invite.passwordShort', { min: MIN_PASSWORD_LENGTH }) })}
        error={errors.password?.message}
      />
      <TextField
        id="invite-repeat"
        type="password"
        autoComplete="new-password"
        label={t('onboarding.invite.repeat')}
        registration={register('repeat', { validate: (v, all) => v === all.password || t('onboarding.invite.mismatch') })}
        error={errors.repeat?.message}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary button--block" disabled={accept.isPending} data-testid="accept-submit">
          {accept.isPending ? t('onboarding.invite.accepting') : t('onboarding.invite.accept')}
        </button>
      </div>
    </form>
  );
}
