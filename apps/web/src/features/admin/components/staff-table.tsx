import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { useSetAccountActive } from '@web/features/admin/hooks/use-set-account-active';
import { useStaff } from '@web/features/admin/hooks/use-staff';
import { useSignedInUser } from '@web/features/auth/hooks/use-signed-in-user';
import { useFormatDate } from '@web/lib/use-format-date';

/**
 * Staff accounts with their state. Deactivating asks once more (the person is signed out everywhere at once);
 * reactivating does not, as it only gives back what was there. Nobody is offered to deactivate themselves.
 */
export function StaffTable() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const me = useSignedInUser();
  const staff = useStaff();
  const setActive = useSetAccountActive();
  const [confirming, setConfirming] = useState<UserSummary | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const change = (person: UserSummary, active: boolean) => {
    setDone(null);
    setActive.mutate(
      { userId: person.id, active },
      {
        onSuccess: () => {
          setConfirming(null);
          setDone(t(active ? 'staffAccounts.reactivated' : 'staffAccounts.deactivated', { name: person.fullName }));
        },
      },
    );
  };

  const body = (() => {
    if (staff.error) return <QueryError error={staff.error} onRetry={() => void staff.refetch()} />;
    if (staff.isPending || !staff.data) return <LoadingMessage />;
    return (
      <TableScroll labelledBy="staff-list-heading">
        <table className="table" aria-labelledby="staff-list-heading" data-testid="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.email')}</th>
              <th scope="col">{t('staff.role')}</th>
              <th scope="col">{t('staffAccounts.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('staffAccounts.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.data.map((person) => (
              <tr key={person.id} data-testid="staff-row">
                <th scope="row">{person.fullName}</th>
                <td>
                  <span dir="ltr">{person.email}</span>
                </td>
                <td>{t(`roles.${person.role}`)}</td>
                <td>
                  {person.deactivatedAt === null ? (
                    <span className="badge badge--success">{t('staffAccounts.active')}</span>
                  ) : (
                    <span className="badge badge--neutral">{t('staffAccounts.inactiveSince', { date: formatDate(person.deactivatedAt, 'long') })}</span>
                  )}
                </td>
                <td>
                  {person.id === me.id ? null : person.deactivatedAt === null ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => setConfirming(person)}
                      aria-label={t('staffAccounts.deactivateWho', { name: person.fullName })}
                      data-testid="deactivate-account"
                    >
                      {t('staffAccounts.deactivate')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={setActive.isPending}
                      onClick={() => change(person, true)}
                      aria-label={t('staffAccounts.reactivateWho', { name: person.fullName })}
                      data-testid="reactivate-account"
                    >
                      {t('staffAccounts.reactivate')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    );
  })();

  return (
    <section className="panel stack">
      <h2 id="staff-list-heading" className="panel__title">
        {t('staff.listHeading')}
      </h2>
      <ErrorAlert error={setActive.error} />
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby="deactivate-confirm-title" data-testid="deactivate-confirm">
          <h3 id="deactivate-confirm-title" className="confirm__title">
            {t('staffAccounts.confirmTitle', { name: confirming.fullName })}
          </h3>
          <p>{t('staffAccounts.confirmBody')}</p>
          <div className="button-row">
            <button type="button" className="button button--danger" disabled={setActive.isPending} onClick={() => change(confirming, false)} data-testid="deactivate-confirm-submit">
              {t('staffAccounts.deactivate')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
              {t('staffAccounts.keep')}
            </button>
          </div>
        </div>
      ) : null}
      {body}
    </section>
  );
}
