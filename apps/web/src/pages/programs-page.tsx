import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Role } from '@pm/contracts';
import { PageHeader } from '@web/components/page-header';
import { useSignedInUser } from '@web/features/auth/hooks/use-signed-in-user';
import { MyProgramList } from '@web/features/programs/components/my-program-list';

export function ProgramsPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const canCreate = user.role === Role.Coordinator || user.role === Role.Admin;
  return (
    <>
      <PageHeader
        title={t(`programs.title.${user.role}`)}
        intro={t(`programs.intro.${user.role}`)}
        actions={
          canCreate ? (
            <Link to="/programs/new" className="button button--primary">
              {t('programs.newProgram')}
            </Link>
          ) : null
        }
      />
      <h2 className="visually-hidden">{t('programs.listLabel')}</h2>
      <MyProgramList role={user.role} headingLevel={2} />
    </>
  );
}
