import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNavItems } from '@web/features/shell/hooks/use-nav-items';

export function MainNav() {
  const { t } = useTranslation();
  const items = useNavItems();
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="main-nav__link">
              {t(item.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
