import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Role, type UserResponse, type UserSummary } from '@pm/contracts';
import { SignedInUserContext } from '@web/features/auth/hooks/use-signed-in-user';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { StaffAccountsPage } from './staff-accounts-page';

const admin: UserResponse = { id: 'u-admin', email: 'admin@demo.example', fullName: 'Admin Person', role: Role.Admin, yearOfStudy: null };

function fakeApi() {
  const people = new Map<string, UserSummary>([
    ['u-admin', { ...admin, deactivatedAt: null }],
    ['u-c1', { id: 'u-c1', email: 'c1@demo.example', fullName: 'Bahar Coordinator', role: Role.Coordinator, yearOfStudy: null, deactivatedAt: null }],
    ['u-c2', { id: 'u-c2', email: 'c2@demo.example', fullName: 'Cyrus Coordinator', role: Role.Coordinator, yearOfStudy: null, deactivatedAt: '2026-02-03T10:00:00.000Z' }],
  ]);
  let directoryCalls = 0;
  return stubApi(({ method, path }) => {
    if (method === 'GET' && path === '/users') return json((directoryCalls += 1) % 2 === 1 ? [...people.values()] : []);
    const action = /^\/users\/([^/]+)\/(deactivate|reactivate)$/.exec(path);
    if (method === 'POST' && action) {
      const [, id = '', verb] = action;
      const person = people.get(id);
      if (!person) return undefined;
      const changed = { ...person, deactivatedAt: verb === 'deactivate' ? '2026-03-01T10:00:00.000Z' : null };
      people.set(id, changed);
      return json(changed);
    }
    return undefined;
  });
}

const renderPage = (language: 'en' | 'fa' = 'en') =>
  renderWithProviders(
    <SignedInUserContext.Provider value={admin}>
      <StaffAccountsPage />
    </SignedInUserContext.Provider>,
    { language },
  );

describe('StaffAccountsPage', () => {
  it('shows each account as active or deactivated, and never offers to deactivate yourself', async () => {
    fakeApi();
    await renderPage();
    const rows = await screen.findAllByTestId('staff-row');
    const row = (name: string) => rows.find((r) => within(r).getByRole('rowheader').textContent === name) as HTMLElement;
    expect(within(row('Admin Person')).queryByRole('button')).toBeNull();
    expect(within(row('Bahar Coordinator')).getByText('Active')).toBeTruthy();
    expect(within(row('Cyrus Coordinator')).getByText(/^Deactivated on/)).toBeTruthy();
  });

  it('asks before deactivating, then shows the account as deactivated', async () => {
    const api = fakeApi();
    await renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Deactivate Bahar Coordinator' }));
    const confirm = screen.getByTestId('deactivate-confirm');
    expect(api.calls('POST', '/users/u-c1/deactivate')).toHaveLength(0);
    fireEvent.click(within(confirm).getByTestId('deactivate-confirm-submit'));
    expect(await screen.findByText('Bahar Coordinator can no longer sign in.')).toBeTruthy();
    expect(api.calls('POST', '/users/u-c1/deactivate')).toHaveLength(1);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reactivate Bahar Coordinator' })).toBeTruthy());
  });

  it('reactivates in one step, in Persian', async () => {
    const api = fakeApi();
    await renderPage('fa');
    fireEvent.click(await screen.findByRole('button', { name: 'فعال کردن دوبارهٔ Cyrus Coordinator' }));
    expect(await screen.findByText('Cyrus Coordinator دوباره می‌تواند با گذرواژهٔ خود وارد شود.')).toBeTruthy();
    expect(api.calls('POST', '/users/u-c2/reactivate')).toHaveLength(1);
  });
});
