import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { PageHeader } from '@web/components/page-header';
import { TableScroll } from '@web/components/table-scroll';
import { downloadMentorHoursCsv, downloadSessionLogsCsv, openCertificate } from '@web/features/relationship/api/relationship-api';
import { useMentorHours } from '@web/features/relationship/hooks/use-relationship';
import { useNumberFormat } from '@web/lib/use-number-format';

/** `/programs/:programId/mentor-hours`: per mentor, sessions held and logged time; CSV and certificates. */
export function MentorHoursPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const n = useNumberFormat();
  const hours = useMentorHours(programId);
  const csv = useMutation({ mutationFn: () => downloadMentorHoursCsv(programId) });
  const logsCsv = useMutation({ mutationFn: () => downloadSessionLogsCsv(programId) });
  const certificate = useMutation({ mutationFn: ({ mentorId, lang }: { mentorId: string; lang: 'en' | 'fa' }) => openCertificate(programId, mentorId, lang) });
  return (
    <div data-testid="mentor-hours-page">
      <PageHeader
        title={t('relationship.hours.title')}
        intro={t('relationship.hours.intro')}
        actions={
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={() => csv.mutate()} disabled={csv.isPending} data-testid="hours-csv">
              {t('relationship.hours.csv')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => logsCsv.mutate()} disabled={logsCsv.isPending}>
              {t('relationship.hours.logsCsv')}
            </button>
          </div>
        }
      />
      <p>
        <Link to={`/programs/${programId}`}>{t('relationship.backToProgram')}</Link>
      </p>
      <ErrorAlert error={csv.error ?? logsCsv.error ?? certificate.error} />
      <section className="panel" aria-labelledby="hours-heading">
        <h2 id="hours-heading" className="panel__title">
          {t('relationship.hours.table')}
        </h2>
        {hours.isPending ? <LoadingMessage /> : null}
        {hours.isError ? <QueryError error={hours.error} onRetry={() => void hours.refetch()} /> : null}
        {hours.data && hours.data.length === 0 ? <p className="empty-state">{t('relationship.hours.none')}</p> : null}
        {hours.data && hours.data.length > 0 ? (
          <TableScroll labelledBy="hours-heading">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('relationship.hours.mentor')}</th>
                  <th scope="col">{t('relationship.hours.mentees')}</th>
                  <th scope="col">{t('relationship.hours.sessionsHeld')}</th>
                  <th scope="col">{t('relationship.hours.hours')}</th>
                  <th scope="col">{t('relationship.hours.certificate')}</th>
                </tr>
              </thead>
              <tbody>
                {hours.data.map((r) => (
                  <tr key={r.mentorId}>
                    <th scope="row">{r.fullName}</th>
                    <td>{n.integer(r.mentees)}</td>
                    <td>{n.integer(r.sessionsHeld)}</td>
                    <td>{n.decimal(r.loggedMinutes / 60, { digits: 1 }) ?? '—'}</td>
                    <td>
                      {r.completed ? (
                        <div className="button-row">
                          <button type="button" className="button button--secondary button--small" onClick={() => certificate.mutate({ mentorId: r.mentorId, lang: 'fa' })}>
                            {t('relationship.hours.printFa')}
                          </button>
                          <button type="button" className="button button--secondary button--small" onClick={() => certificate.mutate({ mentorId: r.mentorId, lang: 'en' })}>
                            {t('relationship.hours.printEn')}
                          </button>
                        </div>
                      ) : (
                        <span className="muted">{t('relationship.hours.notYet')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </div>
  );
}
