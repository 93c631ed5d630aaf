import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Role } from '@pm/contracts';
import { PageHeader } from '@web/components/page-header';
import { useSignedInUser } from '@web/features/auth/hooks/use-signed-in-user';
import { ProfileForm } from '@web/features/profile/components/profile-form';

/**
 * The profile step of a newly arrived student (an accepted invitation, a first school sign-in): what matching
 * needs (year, interests, languages, how they can meet, campus), then on to their program.
 */
export function WelcomePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const programId = params.get('program');
  const next = programId ? `/programs/${encodeURIComponent(programId)}` : '/';
  if (user.role !== Role.Student) return <Navigate to={next} replace />;
  return (
    <div data-testid="welcome-page">
      <PageHeader title={t('onboarding.welcome.title', { name: user.fullName })} intro={t('onboarding.welcome.intro')} />
      <ProfileForm onSaved={() => void navigate(next, { replace: true })} />
    </div>
  );
}
