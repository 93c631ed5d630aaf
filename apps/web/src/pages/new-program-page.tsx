import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@web/components/page-header';
import { CreateProgramForm } from '@web/features/programs/components/create-program-form';

export function NewProgramPage() {
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/programs">{t('programs.detail.back')}</Link>
      </p>
      <PageHeader title={t('programs.create.title')} intro={t('programs.create.intro')} />
      <CreateProgramForm />
    </>
  );
}
