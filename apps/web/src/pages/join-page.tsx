import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Role } from '@pm/contracts';
import { ErrorAlert, LoadingMessage } from '@web/components/feedback';
import { PageHeader } from '@web/components/page-header';
import { useSignedInUser } from '@web/features/auth/hooks/use-signed-in-user';
import { useJoinCodePreview, useJoinProgram } from '@web/features/onboarding/hooks/use-onboarding';
import { isApiError } from '@web/lib/api-error';
import { describeError } from '@web/lib/describe-error';
import { usePageTitle } from '@web/lib/use-page-title';

/** `/join?code=…`: a lecture-hall code. The student sees the program and the role, and confirms. */
export function JoinPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [typed, setTyped] = useState('');
  const code = params.get('code') ?? '';
  const preview = useJoinCodePreview(code);
  const join = useJoinProgram();
  usePageTitle(t('onboarding.join.title'));

  if (!code) {
    return (
      <>
        <PageHeader title={t('onboarding.join.title')} intro={t('onboarding.join.typeIntro')} />
        <form
          className="form panel"
          onSubmit={(event) => {
            event.preventDefault();
            if (typed.trim()) void navigate(`/join?code=${encodeURIComponent(typed.trim())}`);
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor="join-code">
              {t('onboarding.join.code')}
            </label>
            <input id="join-code" className="field__control" dir="ltr" autoCapitalize="characters" autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              {t('onboarding.join.continue')}
            </button>
          </div>
        </form>
      </>
    );
  }
  if (user.role !== Role.Student) {
    return (
      <>
        <PageHeader title={t('onboarding.join.title')} />
        <p className="alert alert--warning">{t('onboarding.join.studentsOnly')}</p>
      </>
    );
  }
  if (preview.isPending) return <LoadingMessage />;
  if (preview.isError) {
    return (
      <>
        <PageHeader title={t('onboarding.join.title')} />
        <div className="alert alert--error" role="alert" data-testid="join-invalid">
          {describeError(preview.error, t)}
        </div>
      </>
    );
  }
  const info = preview.data;
  const role = t(`relations.${info.role}`);
  const already = info.alreadyEnrolled || (isApiError(join.error) && join.error.statusCode === 409 && join.error.code === 'ALREADY_ENROLLED');
  return (
    <>
      <PageHeader title={t('onboarding.join.title')} />
      <section className="panel stack" data-testid="join-page">
        <p className="lead">{t('onboarding.join.question', { program: info.programName, role })}</p>
        {already ? (
          <>
            <p className="alert alert--success" role="status" data-testid="join-already">
              {t('onboarding.join.already', { program: info.programName })}
            </p>
            <p>
              <Link to={`/programs/${info.programId}`} className="button button--primary">
                {t('onboarding.join.open')}
              </Link>
            </p>
          </>
        ) : (
          <>
            <ErrorAlert error={join.error} />
            <div className="form__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={join.isPending}
                onClick={() => join.mutate(code, { onSuccess: (joined) => void navigate(`/programs/${joined.programId}`, { replace: true }) })}
                data-testid="join-confirm"
              >
                {t('onboarding.join.confirm', { role })}
              </button>
              <Link to="/" className="button button--secondary">
                {t('onboarding.join.notNow')}
              </Link>
            </div>
          </>
        )}
      </section>
    </>
  );
}
