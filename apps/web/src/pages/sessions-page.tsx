import { useTranslation } from 'react-i18next';
import { MentorshipStatus } from '@pm/contracts';
import { PageHeader } from '@web/components/page-header';
import { useMyMentorships } from '@web/features/matching/hooks/use-my-mentorships';
import { AvailabilityCard } from '@web/features/sessions/components/availability-form';
import { BookSessionForm } from '@web/features/sessions/components/book-session-form';
import { CalendarFeedCard } from '@web/features/sessions/components/calendar-feed-card';
import { SessionList } from '@web/features/sessions/components/session-list';

export function SessionsPage() {
  const { t } = useTranslation();
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
