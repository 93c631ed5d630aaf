import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '@web/features/auth/hooks/use-sign-out';
import { useSignedInUser } from '@web/features/auth/hooks/use-signed-in-user';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const signOut = useSignOut();
  const navigate = useNavigate();

  const onSignOut = (): void => {
    // Navigate explicitly once done: the guard alone would remember this page for the next person to sign in.
    signOut
      .mutateAsync()
      .then(() => navigate('/sign-in', { replace: true }))
      .catch(() => undefined);
  };

  return (
    <div className="user-menu" role="group" aria-label={t('user.menuLabel')}>
      <div className="user-menu__who">
        <span className="user-menu__name" data-testid="user-name">
          {user.fullName}
        </span>
        <span className="user-menu__role">{t(`roles.${user.role}`)}</span>
      </div>
      <button type="button" className="button button--secondary" onClick={onSignOut} disabled={signOut.isPending}>
        {signOut.isPending ? t('user.signingOut') : t('user.signOut')}
      </button>
    </div>
  );
}
