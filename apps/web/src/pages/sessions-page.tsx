import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MentorshipStatus } from '@pm/contracts';
import { PageHeader } from '@web/components/page-header';
import { useMyMentorships } from '@web/features/matching/hooks/use-my-mentorships';
import { AvailabilityCard } from '@web/features/sessions/components/availability-form';
import { BookSessionForm } from '@web/features/sessions/components/book-session-form';
import { CalendarFeedCard } from '@web/features/sessions/components/calendar-feed-card';
import { SessionList } from '@web/features/sessions/components/session-list';
import { useMySessions } from '@web/features/sessions/hooks/use-my-sessions';

/** `/sessions/:sessionId` (a notification's link): the list, scrolled to that session, which takes the focus. */
function useFocusSession(sessionId: string | undefined) {
  const sessions = useMySessions();
  const loaded = sessions.data !== undefined;
  useEffect(() => {
    if (!sessionId || !loaded) return;
    const row = document.querySelector<HTMLElement>(`[data-session-id="${CSS.escape(sessionId)}"]`);
    if (!row) return;
    row.dataset['highlighted'] = 'true';
    row.scrollIntoView({ block: 'center' });
    row.focus({ preventScroll: true });
  }, [sessionId, loaded]);
}

export function SessionsPage() {
  const { t } = useTranslation();
  const { sessionId } = useParams();
  useFocusSession(sessionId);
  const mentorships = useMyMentorships();
  const isMentor = (mentorships.data ?? []).some((mentorship) => mentorship.myRole === 'mentor' && mentorship.status === MentorshipStatus.Active);
  return (
    <div data-testid="sessions-page">
      <PageHeader title={t('sessions.title')} intro={t('sessions.intro')} />
      <div className="stack">
        {mentorships.data ? <BookSessionForm mentorships={mentorships.data} /> : null}
        <SessionList />
        {isMentor ? <AvailabilityCard /> : null}
        <CalendarFeedCard />
      </div>
    </div>
  );
}
