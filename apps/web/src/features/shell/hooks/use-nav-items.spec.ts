import { describe, expect, it } from 'vitest';
import { navItemsFor } from './use-nav-items';

const labels = (role: Parameters<typeof navItemsFor>[0]): string[] => navItemsFor(role).map((item) => item.labelKey);

describe('navItemsFor', () => {
  it('students see their programs, their sessions, their chat, their results, where to ask for help and their profile', () => {
    expect(labels('student')).toEqual(['nav.home', 'nav.myPrograms', 'nav.sessions', 'nav.chat', 'nav.myResults', 'relationship.nav.help', 'nav.profile']);
  });

  it('coordinators see programs', () => {
    expect(labels('coordinator')).toEqual(['nav.home', 'nav.programs']);
  });

  it('admins see programs and staff accounts', () => {
    expect(labels('admin')).toEqual(['nav.home', 'nav.programs', 'nav.staffAccounts']);
  });
});
