import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

/** Sign-in and registration: a single centred card, with the language switch available before signing in. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <div className="public">
      <header className="public__header">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">{t('app.name')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main-content" className="public__main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="public__footer">
        <p>{t('app.tagline')}</p>
      </footer>
    </div>
  );
}
