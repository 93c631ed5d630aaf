import { useTranslation } from 'react-i18next';
import { PageHeader } from '@web/components/page-header';
import { StaffAccountForm } from '@web/features/admin/components/staff-account-form';
import { StaffTable } from '@web/features/admin/components/staff-table';
import { FailedMailsPanel } from '@web/features/notifications/components/failed-mails-panel';

export function StaffAccountsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('staff.title')} intro={t('staff.intro')} />
      <div className="columns columns--aside-start">
        <StaffAccountForm />
        <StaffTable />
      </div>
      <FailedMailsPanel />
    </>
  );
}
