import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@web/components/page-header';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} intro={t('notFound.body')} />
      <Link to="/" className="button button--secondary">
        {t('notFound.home')}
      </Link>
    </>
  );
}
