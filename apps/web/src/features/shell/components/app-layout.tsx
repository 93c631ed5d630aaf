import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@web/features/auth/hooks/use-me';
import { NotificationBell } from '@web/features/notifications/components/notification-bell';
import { useDisclosure } from '@web/features/shell/hooks/use-disclosure';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';

/** The frame of every signed-in page: header with navigation and account, then the page in `<main>`. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  // On a phone the navigation and account controls fold behind one "Menu" button; on wider screens the panel is
  // laid out inline (CSS `display: contents`) and the button is hidden.
  const menu = useDisclosure();
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
          {/* Outside the folding menu: the unread count stays in sight on a phone. */}
          <NotificationBell userId={me.data?.id} />
          <button
            ref={menu.toggleRef}
            type="button"
            className="button button--secondary app-header__toggle"
            aria-expanded={menu.open}
            aria-controls="app-header-menu"
            data-testid="header-menu-toggle"
            onClick={menu.toggle}
          >
            <span className="app-header__toggle-icon" aria-hidden="true" />
            {t('phoneMenu.toggle')}
          </button>
          <div id="app-header-menu" className="app-header__menu" data-open={menu.open} onKeyDown={menu.onPanelKeyDown}>
            <MainNav />
            <div className="app-header__end">
              <LanguageSwitch />
              <UserMenu />
            </div>
          </div>
        </div>
      </header>
      <main id="main-content" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
