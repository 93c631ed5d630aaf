import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MentorshipStatus, type MyMentorshipResponse } from '@pm/contracts';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { useMyMentorships } from '@web/features/matching/hooks/use-my-mentorships';

function PersonList({ mentorships, testId }: { mentorships: readonly MyMentorshipResponse[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="person-list" data-testid={testId}>
      {mentorships.map((mentorship) => (
        <li key={mentorship.id} className="person">
          <h3 className="person__name">{mentorship.other.fullName}</h3>
          <dl className="facts">
            <div className="facts__item">
              <dt>{t('auth.fields.email')}</dt>
              <dd>
                <a href={`mailto:${mentorship.other.email}`} dir="ltr">
                  {mentorship.other.email}
                </a>
              </dd>
            </div>
            <div className="facts__item">
              <dt>{t('auth.fields.yearOfStudy')}</dt>
              <dd>{mentorship.other.yearOfStudy === null ? t('common.notSet') : t('common.yearOfStudy', { year: mentorship.other.yearOfStudy })}</dd>
            </div>
            <div className="facts__item">
              <dt>{t('myMentorships.program')}</dt>
              <dd>{mentorship.programName}</dd>
            </div>
          </dl>
          <Link to={`/mentorships/${mentorship.id}`} data-testid="open-pair">
            {t('relationship.openPair')}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A student's mentor (as a mentee) and mentees (as a mentor), with a way to write to them. */
export function MyMentorshipsCard() {
  const { t } = useTranslation();
  const mine = useMyMentorships();

  if (mine.isPending) return <LoadingMessage />;
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;

  const active = mine.data.filter((mentorship) => mentorship.status === MentorshipStatus.Active);
  const mentors = active.filter((mentorship) => mentorship.myRole === 'mentee');
  const mentees = active.filter((mentorship) => mentorship.myRole === 'mentor');

  if (active.length === 0) {
    return (
      <section className="panel" aria-labelledby="my-mentoring-heading" data-testid="my-mentorships">
        <h2 id="my-mentoring-heading" className="panel__title">
          {t('myMentorships.heading')}
        </h2>
        <p className="muted">{t('myMentorships.none')}</p>
      </section>
    );
  }

  return (
    <div className="stack" data-testid="my-mentorships">
      {mentors.length > 0 ? (
        <section className="panel" aria-labelledby="my-mentor-heading">
          <h2 id="my-mentor-heading" className="panel__title">
            {t('myMentorships.myMentor', { count: mentors.length })}
          </h2>
          <PersonList mentorships={mentors} testId="my-mentor" />
        </section>
      ) : null}
      {mentees.length > 0 ? (
        <section className="panel" aria-labelledby="my-mentees-heading">
          <h2 id="my-mentees-heading" className="panel__title">
            {t('myMentorships.myMentees', { count: mentees.length })}
          </h2>
          <PersonList mentorships={mentees} testId="my-mentees" />
        </section>
      ) : null}
    </div>
  );
}
