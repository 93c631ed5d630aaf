import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionWithLog } from '@pm/contracts';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { PageHeader } from '@web/components/page-header';
import { useAgreement, useSession } from '@web/features/relationship/hooks/use-relationship';
import { useFormatDate, useFormatTime } from '@web/lib/use-format-date';
import { SessionLogForm } from './session-log-form';

function LogBody({ session }: { session: SessionWithLog }) {
  const { t } = useTranslation();
  const agreement = useAgreement(session.mentorshipId);
  if (agreement.isPending) return <LoadingMessage />;
  const goals = agreement.data?.goalItems ?? [];
  const minutes = Math.max(1, Math.min(600, Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60000)));
  if (Date.parse(session.startsAt) > Date.now()) return <p className="notice">{t('relationship.log.notYet')}</p>;
  if (session.status === 'cancelled') return <p className="notice">{t('relationship.log.cancelled')}</p>;
  return <SessionLogForm sessionId={session.id} defaultMinutes={minutes} existing={session.log} goals={goals} />;
}

/** `/sessions/:sessionId/log`: the mentor's record of a session, right after it. */
export function SessionLogPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const session = useSession(sessionId);
  const formatDate = useFormatDate();
  const formatTime = useFormatTime();
  const data = session.data;
  return (
    <div data-testid="session-log-page">
      <PageHeader title={t('relationship.log.title')} intro={t('relationship.log.intro')} />
      <p>
        <Link to="/sessions">{t('relationship.log.back')}</Link>
      </p>
      <section className="panel stack" aria-labelledby="log-heading">
        <h2 id="log-heading" className="panel__title">
          {data ? `${formatDate(data.startsAt, 'full')}, ${formatTime(data.startsAt)}` : t('relationship.log.session')}
        </h2>
        {session.isPending ? <LoadingMessage /> : null}
        {session.isError ? <QueryError error={session.error} onRetry={() => void session.refetch()} /> : null}
        {data && data.myRole === 'mentor' ? <LogBody session={data as SessionWithLog} /> : null}
        {data && data.myRole !== 'mentor' ? <p className="notice">{t('relationship.log.mentorOnly')}</p> : null}
      </section>
    </div>
  );
}
