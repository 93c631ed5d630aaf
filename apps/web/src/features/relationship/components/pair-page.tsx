import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MentorshipStatus } from '@pm/contracts';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { PageHeader } from '@web/components/page-header';
import { useMyMentorships } from '@web/features/matching/hooks/use-my-mentorships';
import { useDueCheckIns } from '@web/features/relationship/hooks/use-relationship';
import { AgreementCard } from './agreement-card';
import { CheckInCard } from './check-in-card';
import { SessionLogsList } from './session-logs-list';

/** `/mentorships/:mentorshipId`: the pair's own page: agreement, the mentee's check-in, the session logs. */
export function PairPage() {
  const { t } = useTranslation();
  const { mentorshipId = '' } = useParams();
  const mine = useMyMentorships();
  const due = useDueCheckIns();
  if (mine.isPending) return <LoadingMessage />;
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  const pair = mine.data.find((m) => m.id === mentorshipId);
  if (!pair) {
    return (
      <div>
        <PageHeader title={t('relationship.pair.notFound')} />
        <Link to="/">{t('relationship.pair.home')}</Link>
      </div>
    );
  }
  const active = pair.status === MentorshipStatus.Active;
  const isDue = (due.data ?? []).some((d) => d.mentorshipId === pair.id);
  return (
    <div data-testid="pair-page">
      <PageHeader
        title={t(pair.myRole === 'mentor' ? 'relationship.pair.titleMentor' : 'relationship.pair.titleMentee', { name: pair.other.fullName })}
        intro={t('relationship.pair.intro', { program: pair.programName })}
        actions={
          <Link className="button button--secondary" to="/help" data-testid="ask-for-help-link">
            {t('relationship.help.link')}
          </Link>
        }
      />
      <div className="stack">
        {!active ? <p className="notice">{t('relationship.pair.ended')}</p> : null}
        <AgreementCard mentorshipId={pair.id} myRole={active ? pair.myRole : 'coordinator'} />
        {pair.myRole === 'mentee' && active ? <CheckInCard mentorshipId={pair.id} due={isDue} /> : null}
        <SessionLogsList mentorshipId={pair.id} canLog={pair.myRole === 'mentor'} />
      </div>
    </div>
  );
}
