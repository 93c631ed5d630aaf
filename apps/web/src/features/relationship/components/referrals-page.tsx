import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_REFERRAL_NOTE_LENGTH, type ReferralResponse } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { TextAreaField } from '@web/components/field';
import { PageHeader } from '@web/components/page-header';
import { useCloseReferral, useReferrals } from '@web/features/relationship/hooks/use-relationship';
import { useFormatDateTime } from '@web/lib/use-format-date';

function CloseForm({ programId, referral, onDone }: { programId: string; referral: ReferralResponse; onDone: () => void }) {
  const { t } = useTranslation();
  const close = useCloseReferral(programId);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<{ note: string }>({ defaultValues: { note: '' } });
  const onSubmit = handleSubmit((v) => close.mutate({ referralId: referral.id, note: v.note.trim() }, { onSuccess: onDone }));
  return (
    <form className="form stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <TextAreaField
        id={`close-note-${referral.id}`}
        label={t('relationship.referrals.closeNote')}
        maxLength={MAX_REFERRAL_NOTE_LENGTH}
        aria-required
        registration={register('note', { validate: (value) => value.trim().length > 0 || t('validation.required') })}
        error={errors.note?.message}
      />
      <ErrorAlert error={close.error} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={close.isPending}>
          {t('relationship.referrals.close')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('relationship.cancel')}
        </button>
      </div>
    </form>
  );
}

function ReferralItem({ programId, referral }: { programId: string; referral: ReferralResponse }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [closing, setClosing] = useState(false);
  return (
    <li className="session" data-testid="referral">
      <h3 className="person__name">
        {referral.studentName}{' '}
        <span className={referral.urgency === 'urgent' ? 'badge badge--warning' : 'badge badge--neutral'}>{t(`relationship.urgency.${referral.urgency}`)}</span>{' '}
        <span className={referral.closedAt ? 'badge badge--success' : 'badge badge--info'}>{referral.closedAt ? t('relationship.referrals.closed') : t('relationship.referrals.open')}</span>
      </h3>
      <p className="muted">
        <time dateTime={referral.createdAt}>{formatDateTime(referral.createdAt)}</time> ·{' '}
        <a href={`mailto:${referral.studentEmail}`} dir="ltr">
          {referral.studentEmail}
        </a>
      </p>
      <p className="forum-text">{referral.message}</p>
      {referral.closedAt ? (
        <p className="muted">{t('relationship.referrals.closedBy', { name: referral.closedByName ?? '—', date: formatDateTime(referral.closedAt), note: referral.closeNote ?? '' })}</p>
      ) : closing ? (
        <CloseForm programId={programId} referral={referral} onDone={() => setClosing(false)} />
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={() => setClosing(true)}>
          {t('relationship.referrals.closeOpen')}
        </button>
      )}
    </li>
  );
}

/** `/programs/:programId/referrals`: students' confidential requests for help (every read is audited). */
export function ReferralsPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const referrals = useReferrals(programId);
  return (
    <div data-testid="referrals-page">
      <PageHeader title={t('relationship.referrals.title')} intro={t('relationship.referrals.intro')} />
      <p>
        <Link to={`/programs/${programId}`}>{t('relationship.backToProgram')}</Link>
      </p>
      <section className="panel" aria-labelledby="referrals-heading">
        <h2 id="referrals-heading" className="panel__title">
          {t('relationship.referrals.list')}
        </h2>
        {referrals.isPending ? <LoadingMessage /> : null}
        {referrals.isError ? <QueryError error={referrals.error} onRetry={() => void referrals.refetch()} /> : null}
        {referrals.data && referrals.data.length === 0 ? <p className="empty-state">{t('relationship.referrals.none')}</p> : null}
        {referrals.data && referrals.data.length > 0 ? (
          <ul className="session-list">
            {referrals.data.map((r) => (
              <ReferralItem key={r.id} programId={programId} referral={r} />
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
