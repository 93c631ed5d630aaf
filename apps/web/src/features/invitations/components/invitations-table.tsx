import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INVITATION_STATUSES, type InvitationStatus } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { CopyButton } from '@web/features/invitations/components/copy-button';
import { useInvitations, useResendInvitation } from '@web/features/invitations/hooks/use-invitations';
import { useFormatDate } from '@web/lib/use-format-date';
import { useNumberFormat } from '@web/lib/use-number-format';

const STATUS_BADGE: Record<InvitationStatus, string> = { pending: 'badge badge--info', accepted: 'badge badge--success', expired: 'badge badge--warning' };

/** Who has been invited and where each stands; a pending link can be copied (where no mail goes out) or sent again. */
export function InvitationsTable({ programId, closed }: { programId: string; closed: boolean }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const formatDate = useFormatDate();
  const [status, setStatus] = useState<InvitationStatus | undefined>(undefined);
  const invitations = useInvitations(programId, status);
  const resend = useResendInvitation(programId);
  const filterId = useId();

  return (
    <section className="panel" aria-labelledby="invitations-heading" data-testid="invitations-card">
      <h2 id="invitations-heading" className="panel__title">
        {t('onboarding.invitations.heading')}
      </h2>
      <div className="stack">
        <p className="muted">{t('onboarding.invitations.intro')}</p>
        <div className="field">
          <label className="field__label" htmlFor={filterId}>
            {t('onboarding.invitations.filter')}
          </label>
          <select
            id={filterId}
            className="field__control"
            value={status ?? ''}
            onChange={(event) => setStatus(event.target.value === '' ? undefined : (event.target.value as InvitationStatus))}
            data-testid="invitations-filter"
          >
            <option value="">{t('onboarding.invitations.all')}</option>
            {INVITATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`onboarding.invitations.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <ErrorAlert error={resend.error} />
        {invitations.isPending ? (
          <LoadingMessage />
        ) : invitations.isError ? (
          <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />
        ) : invitations.data.length === 0 ? (
          <p className="empty-state">{status ? t('onboarding.invitations.noneWithStatus') : t('onboarding.invitations.none')}</p>
        ) : (
          <>
            <p className="muted" role="status">
              {t('onboarding.invitations.count', { count: invitations.data.length, n: format.integer(invitations.data.length) })}
            </p>
            <TableScroll labelledBy="invitations-heading">
              <table className="table" data-testid="invitations-table">
                <thead>
                  <tr>
                    <th scope="col">{t('onboarding.invitations.person')}</th>
                    <th scope="col">{t('onboarding.invitations.role')}</th>
                    <th scope="col">{t('onboarding.invitations.statusColumn')}</th>
                    <th scope="col">{t('onboarding.invitations.when')}</th>
                    <th scope="col">{t('onboarding.invitations.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.data.map((inv) => (
                    <tr key={inv.id} data-testid="invitation-row">
                      <th scope="row">
                        <span dir="auto">{inv.fullName}</span>
                        <br />
                        <span className="muted" dir="ltr">
                          {inv.email}
                        </span>
                      </th>
                      <td>{inv.role ? t(`relations.${inv.role}`) : ''}</td>
                      <td>
                        <span className={STATUS_BADGE[inv.status]}>{t(`onboarding.invitations.status.${inv.status}`)}</span>
                      </td>
                      <td>
                        {inv.status === 'accepted' && inv.acceptedAt
                          ? t('onboarding.invitations.acceptedOn', { date: formatDate(inv.acceptedAt) })
                          : inv.status === 'expired'
                            ? t('onboarding.invitations.expiredOn', { date: formatDate(inv.expiresAt) })
                            : t('onboarding.invitations.expiresOn', { date: formatDate(inv.expiresAt) })}
                        {inv.status !== 'accepted' ? <div className="muted">{inv.sentAt ? t('onboarding.invitations.sent', { date: formatDate(inv.sentAt) }) : t('onboarding.invitations.notSent')}</div> : null}
                      </td>
                      <td>
                        <div className="button-row">
                          {inv.url ? <CopyButton text={inv.url} label={t('onboarding.invitations.copy')} testId="invitation-copy" /> : null}
                          {inv.status !== 'accepted' && !closed ? (
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              disabled={resend.isPending}
                              onClick={() => resend.mutate(inv.id)}
                              aria-label={t('onboarding.invitations.resendTo', { name: inv.fullName })}
                            >
                              {t('onboarding.invitations.resend')}
                            </button>
                          ) : null}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </div>
    </section>
  );
}
