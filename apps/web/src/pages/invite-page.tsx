import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadingMessage } from '@web/components/feedback';
import { PageHeader } from '@web/components/page-header';
import { AcceptInvitationForm } from '@web/features/onboarding/components/accept-invitation-form';
import { SchoolSignInButton } from '@web/features/onboarding/components/school-sign-in-button';
import { useInvitationPreview } from '@web/features/onboarding/hooks/use-onboarding';
import { describeError } from '@web/lib/describe-error';
import { usePageTitle } from '@web/lib/use-page-title';

/** `/invite?token=…`: the link of an invitation. Choose a password (or use the school account) and you are in. */
export function InvitePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useInvitationPreview(token);
  usePageTitle(t('onboarding.invite.title'));

  if (!token || preview.isError) {
    return (
      <div className="card card--narrow" data-testid="invite-invalid">
        <h1>{t('onboarding.invite.invalidTitle')}</h1>
        <div className="alert alert--error" role="alert">
          {token ? describeError(preview.error, t) : t('errors.code.INVITATION_NOT_FOUND')}
        </div>
        <p className="card__footer">
          <Link to="/sign-in">{t('onboarding.invite.signInInstead')}</Link>
        </p>
      </div>
    );
  }
  if (preview.isPending) return <LoadingMessage />;
  const invitation = preview.data;
  return (
    <div className="card card--narrow" data-testid="invite-page">
      <PageHeader
        title={t('onboarding.invite.title')}
        intro={invitation.programName ? t('onboarding.invite.introProgram', { name: invitation.fullName, program: invitation.programName }) : t('onboarding.invite.intro', { name: invitation.fullName })}
      />
      <p>
        {t('onboarding.invite.account')} <strong dir="ltr">{invitation.email}</strong>
      </p>
      <AcceptInvitationForm token={token} email={invitation.email} />
      <SchoolSignInButton invitationToken={token} />
    </div>
  );
}
