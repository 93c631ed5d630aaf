import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Screen-reader users hear the title first when a route changes, so every page names itself. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}
