import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Role } from '@pm/contracts';
import { PageHeader } from '@web/components/page-header';
import { useSignedInUser } from '@web/features/auth/hooks/use-signed-in-user';
import { MyMentorshipsCard } from '@web/features/matching/components/my-mentorships-card';
import { MyProgramList } from '@web/features/programs/components/my-program-list';

export function HomePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const isStaff = user.role === Role.Coordinator || user.role === Role.Admin;

  const actions = (
    <>
      {isStaff ? (
        <Link to="/programs/new" className="button button--primary">
          {t('programs.newProgram')}
        </Link>
      ) : null}
      {user.role === Role.Admin ? (
        <Link to="/staff" className="button button--secondary">
          {t('home.manageStaff')}
        </Link>
      ) : null}
      {user.role === Role.Student ? (
        <Link to="/profile" className="button button--secondary">
          {t('home.editProfile')}
        </Link>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader title={t('home.welcome', { name: user.fullName })} intro={t(`home.intro.${user.role}`)} actions={actions} />
      {user.role === Role.Student ? (
        <>
          <p className="notice">{t('home.completeProfile')}</p>
          <div className="home-mentoring">
            <MyMentorshipsCard />
          </div>
        </>
      ) : null}
      <section aria-labelledby="home-programs-heading">
        <h2 id="home-programs-heading" className="section-title">
          {t(`home.programsHeading.${user.role}`)}
        </h2>
        <MyProgramList role={user.role} headingLevel={2} />
      </section>
    </>
  );
}
