import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@web/features/auth/hooks/use-me';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';

/** The frame of every signed-in page: header with navigation and account, then the page in `<main>`. */
export function AppLayout() {
  const { t } = useTranslation();
  useMe();
  return (
    <div className="app">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <MainNav />
          <div className="app-header__end">
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main-content" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
