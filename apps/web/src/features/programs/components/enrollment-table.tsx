import { useTranslation } from 'react-i18next';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { useEnrollments } from '@web/features/programs/hooks/use-enrollments';

export function EnrollmentTable({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const enrollments = useEnrollments(programId);

  const body = (() => {
    if (enrollments.isPending) return <LoadingMessage />;
    if (enrollments.isError) return <QueryError error={enrollments.error} onRetry={() => void enrollments.refetch()} />;
    if (enrollments.data.length === 0) return <p className="empty-state">{t('programs.enrollments.empty')}</p>;
    return (
      <TableScroll labelledBy="enrollments-heading">
        <table className="table" aria-labelledby="enrollments-heading" data-testid="enrollment-table">
          <thead>
            <tr>
              <th scope="col">{t('programs.enrollments.name')}</th>
              <th scope="col">{t('programs.enrollments.email')}</th>
              <th scope="col">{t('programs.enrollments.role')}</th>
              <th scope="col">{t('programs.enrollments.year')}</th>
              <th scope="col">{t('programs.enrollments.capacity')}</th>
            </tr>
          </thead>
          <tbody>
            {enrollments.data.map((enrollment) => (
              <tr key={enrollment.id}>
                <th scope="row">{enrollment.fullName}</th>
                <td>
                  <span dir="ltr">{enrollment.email}</span>
                </td>
                <td>
                  <span className={`badge badge--${enrollment.role}`}>{t(`relations.${enrollment.role}`)}</span>
                </td>
                <td>{enrollment.yearOfStudy === null ? t('common.none') : t('common.number', { value: enrollment.yearOfStudy })}</td>
                <td>{enrollment.capacity === null ? t('common.none') : t('common.number', { value: enrollment.capacity })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    );
  })();

  return (
    <section className="panel">
      <h2 id="enrollments-heading" className="panel__title">
        {t('programs.enrollments.heading')}
      </h2>
      {body}
    </section>
  );
}
