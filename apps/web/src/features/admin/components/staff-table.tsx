import { useTranslation } from 'react-i18next';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { useStaff } from '@web/features/admin/hooks/use-staff';

export function StaffTable() {
  const { t } = useTranslation();
  const staff = useStaff();

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
            </tr>
          </thead>
          <tbody>
            {staff.data.map((person) => (
              <tr key={person.id}>
                <th scope="row">{person.fullName}</th>
                <td>
                  <span dir="ltr">{person.email}</span>
                </td>
                <td>{t(`roles.${person.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    );
  })();

  return (
    <section className="panel">
      <h2 id="staff-list-heading" className="panel__title">
        {t('staff.listHeading')}
      </h2>
      {body}
    </section>
  );
}
