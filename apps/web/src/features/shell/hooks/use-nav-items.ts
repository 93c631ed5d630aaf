import { Role } from '@pm/contracts';
import { useSignedInUser } from '@web/features/auth/hooks/use-signed-in-user';

export type NavLabelKey = 'nav.home' | 'nav.programs' | 'nav.myPrograms' | 'nav.myResults' | 'nav.staffAccounts' | 'nav.profile' | 'nav.sessions' | 'nav.chat' | 'relationship.nav.help';

export interface NavItem {
  to: string;
  labelKey: NavLabelKey;
  /** Only active on an exact match; otherwise "/" would be highlighted on every page. */
  end?: boolean;
}

const HOME: NavItem = { to: '/', labelKey: 'nav.home', end: true };

/** What each role may open; the routes enforce the same split with RequireRole. */
export function navItemsFor(role: Role): NavItem[] {
  switch (role) {
    case Role.Student:
      return [HOME, { to: '/programs', labelKey: 'nav.myPrograms' }, { to: '/sessions', labelKey: 'nav.sessions' }, { to: '/chat', labelKey: 'nav.chat' }, { to: '/results', labelKey: 'nav.myResults' }, { to: '/help', labelKey: 'relationship.nav.help' }, { to: '/profile', labelKey: 'nav.profile' }];
    case Role.Coordinator:
      return [HOME, { to: '/programs', labelKey: 'nav.programs' }];
    case Role.Admin:
      return [HOME, { to: '/programs', labelKey: 'nav.programs' }, { to: '/staff', labelKey: 'nav.staffAccounts' }];
  }
}

export function useNavItems(): NavItem[] {
  return navItemsFor(useSignedInUser().role);
}
