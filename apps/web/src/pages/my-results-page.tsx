import { useTranslation } from 'react-i18next';
import { PageHeader } from '@web/components/page-header';
import { MyResultsTable } from '@web/features/outcomes/components/my-results-table';

export function MyResultsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('results.title')} intro={t('results.intro')} />
      <MyResultsTable />
    </>
  );
}
