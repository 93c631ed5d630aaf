import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Role, type CoordinatorResponse, type EnrollmentResponse, type ProgramResponse, type UserResponse, type UserSummary } from '@pm/contracts';
import { SignedInUserContext } from '@web/features/auth/hooks/use-signed-in-user';
import { stubApi, type StubRequest } from '@web/test/api-stub';
import { apiError, json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { ProgramDetailPage } from './program-detail-page';

const program = (myRelations: ProgramResponse['myRelations']): ProgramResponse => ({
  id: 'p1',
  name: 'Preclinical Peer Mentoring',
  timezone: 'Asia/Tehran',
  startsOn: '2026-03-21',
  endsOn: '2026-06-21',
  createdAt: '2026-02-01T09:00:00.000Z',
  myRelations,
  counts: { mentors: 1, mentees: 2, coordinators: 1 },
});

const admin: UserResponse = { id: 'u-admin', email: 'admin@demo.example', fullName: 'Admin Person', role: Role.Admin, yearOfStudy: null };
const coordinator: UserResponse = { id: 'u-coord', email: 'coord@demo.example', fullName: 'Coordinator Person', role: Role.Coordinator, yearOfStudy: null };

const staff = (id: string, fullName: string, role: UserSummary['role'], deactivatedAt: string | null = null): UserSummary => ({
  id,
  email: `${id}@demo.example`,
  fullName,
  role,
  yearOfStudy: null,
  deactivatedAt,
});

const enrolment = (userId: string, fullName: string, role: 'mentor' | 'mentee', activeMentorships: number): EnrollmentResponse => ({
  id: `e-${userId}`,
  programId: 'p1',
  userId,
  role,
  capacity: role === 'mentor' ? 2 : null,
  fullName,
  email: `${userId}@demo.example`,
  yearOfStudy: role === 'mentor' ? 4 : 1,
  modalities: ['virtual'],
  activeMentorships,
  createdAt: '2026-02-02T09:00:00.000Z',
});

function fakeApi(relations: ProgramResponse['myRelations'], onWrite?: (request: StubRequest) => Response | undefined) {
  const coordinators: CoordinatorResponse[] = [{ userId: 'u-coord', fullName: 'Coordinator Person', email: 'coord@demo.example' }];
  let enrollments = [enrolment('t1', 'Sara Ahmadi', 'mentor', 1), enrolment('m1', 'Zahra Karimi', 'mentee', 1), enrolment('m2', 'Leila Haddad', 'mentee', 0)];
  let directoryCalls = 0;
  return stubApi((request) => {
    const { method, path } = request;
    if (method !== 'GET') {
      const answer = onWrite?.(request);
      if (answer) return answer;
    }
    if (method === 'GET' && path === '/programs/p1') return json(program(relations));
    if (method === 'GET' && path === '/programs/p1/coordinators') return json(coordinators);
    if (method === 'GET' && path === '/programs/p1/enrollments') {
      return relations.includes('coordinator') ? json(enrollments) : apiError({ statusCode: 404, error: 'Not Found', message: 'Program not found', code: 'PROGRAM_NOT_FOUND' });
    }
    // One directory call per staff role: the first answers with everyone, the other with no one.
    if (method === 'GET' && path === '/users' && (directoryCalls += 1) > 1) return json([]);
    if (method === 'GET' && path === '/users') return json([staff('u-coord', 'Coordinator Person', 'coordinator'), staff('u-new', 'New Coordinator', 'coordinator'), staff('u-gone', 'Gone Coordinator', 'coordinator', '2026-01-01T00:00:00Z')]);
    if (method === 'POST' && path === '/programs/p1/coordinators') {
      const added = { userId: 'u-new', fullName: 'New Coordinator', email: 'u-new@demo.example' };
      coordinators.push(added);
      return json(added, 201);
    }
    if (method === 'PATCH' && path === '/programs/p1/enrollments/e-t1') {
      enrollments = enrollments.map((e) => (e.id === 'e-t1' ? { ...e, capacity: (request.body as { capacity: number }).capacity } : e));
      return json(enrollments[0]);
    }
    if (method === 'DELETE' && path === '/programs/p1/enrollments/e-m2') {
      enrollments = enrollments.filter((e) => e.id !== 'e-m2');
      return new Response(null, { status: 204 });
    }
    return undefined;
  });
}

async function renderPage(user: UserResponse, language: 'en' | 'fa' = 'en') {
  return renderWithProviders(
    <SignedInUserContext.Provider value={user}>
      <Routes>
        <Route path="/programs/:programId" element={<ProgramDetailPage />} />
      </Routes>
    </SignedInUserContext.Provider>,
    { route: '/programs/p1', language },
  );
}

describe('ProgramDetailPage', () => {
  it('given an admin who does not coordinate the program, then it opens with its coordinators and no roster error', async () => {
    const api = fakeApi([]);
    await renderPage(admin);
    expect(await screen.findByRole('heading', { name: 'Preclinical Peer Mentoring' })).toBeTruthy();
    expect(await screen.findByTestId('admin-staffing-notice')).toBeTruthy();
    expect((await screen.findByTestId('coordinator-list')).textContent).toContain('Coordinator Person');
    expect(screen.queryByText(/does not exist/)).toBeNull();
    expect(screen.queryByTestId('matching-link')).toBeNull();
    expect(api.calls('GET', '/programs/p1/enrollments')).toHaveLength(0);
  });

  it('given an admin, when they add a coordinator, then only active staff not yet coordinating are offered and the list updates', async () => {
    const api = fakeApi([]);
    await renderPage(admin);
    const form = await screen.findByTestId('add-coordinator-form');
    const select = await within(form).findByLabelText('Add a coordinator');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a staff member', 'New Coordinator (Coordinator)']);
    fireEvent.change(select, { target: { value: 'u-new' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add coordinator' }));
    expect((await within(form).findByRole('status')).textContent).toBe('New Coordinator now coordinates this program.');
    expect(api.calls('POST', '/programs/p1/coordinators')[0]?.body).toEqual({ userId: 'u-new' });
    await waitFor(() => expect(screen.getByTestId('coordinator-list').textContent).toContain('New Coordinator'));
  });

  it('given a coordinator, then the roster can be searched, filtered by matched and sorted', async () => {
    fakeApi(['coordinator']);
    await renderPage(coordinator);
    await screen.findByTestId('enrollment-table');
    const names = () => screen.getAllByTestId('enrollment-row').map((row) => within(row).getByRole('rowheader').textContent);
    expect(names()).toEqual(['Leila Haddad', 'Sara Ahmadi', 'Zahra Karimi']);
    fireEvent.change(screen.getByTestId('enrollment-match-filter'), { target: { value: 'unmatched' } });
    expect(names()).toEqual(['Leila Haddad']);
    fireEvent.change(screen.getByTestId('enrollment-match-filter'), { target: { value: 'all' } });
    fireEvent.change(screen.getByTestId('enrollment-search'), { target: { value: 'karimi' } });
    expect(names()).toEqual(['Zahra Karimi']);
    fireEvent.change(screen.getByTestId('enrollment-search'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('enrollment-sort-name'));
    expect(names()).toEqual(['Zahra Karimi', 'Sara Ahmadi', 'Leila Haddad']);
    expect(screen.getByTestId('enrollment-count').textContent).toBe('Showing 3 of 3.');
  });

  it("given a coordinator, when they change a mentor's capacity, then it is saved and confirmed", async () => {
    const api = fakeApi(['coordinator']);
    await renderPage(coordinator);
    fireEvent.click(await screen.findByRole('button', { name: 'Change the capacity of Sara Ahmadi' }));
    const input = screen.getByLabelText('Capacity of Sara Ahmadi');
    fireEvent.change(input, { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('capacity-save'));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a whole number from 1 to 20.');
    fireEvent.change(input, { target: { value: '4' } });
    fireEvent.click(screen.getByTestId('capacity-save'));
    expect((await screen.findByText('Sara Ahmadi now takes at most 4 mentees.')).getAttribute('role')).toBe('status');
    expect(api.calls('PATCH', '/programs/p1/enrollments/e-t1')[0]?.body).toEqual({ capacity: 4 });
  });

  it('given a matched student, then removal points to ending the pair first; an unmatched one is removed', async () => {
    const api = fakeApi(['coordinator']);
    await renderPage(coordinator);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Zahra Karimi from the program' }));
    const blocked = screen.getByTestId('remove-enrolment-confirm');
    expect(within(blocked).queryByTestId('remove-enrolment-submit')).toBeNull();
    expect(within(blocked).getByRole('link', { name: 'Go to matching' }).getAttribute('href')).toBe('/programs/p1/matching');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Leila Haddad from the program' }));
    fireEvent.click(within(screen.getByTestId('remove-enrolment-confirm')).getByTestId('remove-enrolment-submit'));
    expect(await screen.findByText('Leila Haddad is no longer enrolled.')).toBeTruthy();
    expect(api.calls('DELETE', '/programs/p1/enrollments/e-m2')).toHaveLength(1);
    await waitFor(() => expect(screen.getAllByTestId('enrollment-row')).toHaveLength(2));
  });

  it('in Persian, the admin view and its notice are in Persian', async () => {
    fakeApi([]);
    await renderPage(admin, 'fa');
    expect((await screen.findByTestId('admin-staffing-notice')).textContent).toContain('هماهنگ‌کننده');
    expect(screen.getByRole('heading', { name: 'هماهنگ‌کننده‌ها' })).toBeTruthy();
  });
});
