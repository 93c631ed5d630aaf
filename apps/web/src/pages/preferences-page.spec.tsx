import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { PreferencesResponse, ProgramResponse, RankingCandidate } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { apiError, json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { PreferencesPage } from './preferences-page';

const program: ProgramResponse = {
  id: 'p1',
  name: 'Preclinical Peer Mentoring',
  timezone: 'Asia/Tehran',
  startsOn: '2026-03-21',
  endsOn: '2026-06-21',
  createdAt: '2026-02-01T09:00:00.000Z',
  myRelations: ['mentee'],
  counts: { mentors: 3, mentees: 10, coordinators: 1 },
};

const candidate = (userId: string, fullName: string, score: number): RankingCandidate => ({
  userId,
  fullName,
  yearOfStudy: 4,
  interests: ['cardiology', 'research'],
  languages: ['English', 'Persian'],
  modalities: ['in_person', 'virtual'],
  campus: 'North campus',
  score,
});
const candidates = [candidate('t1', 'Sara Ahmadi', 18), candidate('t2', 'Omid Jafari', 12), candidate('t3', 'Nora Rossi', 7)];

function fakeApi(saved: PreferencesResponse, save: (body: unknown) => Response) {
  return stubApi(({ method, path, body }) => {
    if (method === 'GET' && path === '/programs/p1') return json(program);
    if (method === 'GET' && path === '/programs/p1/ranking-candidates') return json(candidates);
    if (method === 'GET' && path === '/programs/p1/preferences/me') return json(saved);
    if (method === 'POST' && path === '/programs/p1/preferences') return save(body);
    return undefined;
  });
}

const renderPage = () =>
  renderWithProviders(
    <Routes>
      <Route path="/programs/:programId/preferences" element={<PreferencesPage />} />
    </Routes>,
    { route: '/programs/p1/preferences' },
  );

const rankedNames = (): string[] => within(screen.getByTestId('ranking-list')).getAllByRole('heading').map((heading) => heading.textContent ?? '');

describe('PreferencesPage', () => {
  it('builds an ordered list with buttons only and saves it whole', async () => {
    const api = fakeApi({ rankedUserIds: ['t2'], updatedAt: '2026-03-02T08:00:00.000Z' }, (body) =>
      json({ rankedUserIds: (body as { rankedUserIds: string[] }).rankedUserIds, updatedAt: '2026-03-03T08:00:00.000Z' }),
    );
    await renderPage();

    // The saved ranking comes back in order; the others are offered with their details.
    await screen.findByTestId('ranking-list');
    expect(rankedNames()).toEqual(['Omid Jafari']);
    const offered = screen.getByTestId('candidate-list');
    expect(within(offered).getAllByTestId('candidate-item').map((item) => within(item).getByRole('heading').textContent)).toEqual(['Sara Ahmadi', 'Nora Rossi']);
    expect(offered.textContent).toContain('cardiology, research');
    expect(offered.textContent).toContain('In person, Virtual');
    expect(offered.textContent).toContain('North campus');

    fireEvent.click(screen.getByRole('button', { name: 'Add Sara Ahmadi to your ranking' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add Nora Rossi to your ranking' }));
    expect(rankedNames()).toEqual(['Omid Jafari', 'Sara Ahmadi', 'Nora Rossi']);
    expect(screen.getByText('You have changes that are not saved yet.')).toBeTruthy();

    const up = screen.getByRole('button', { name: 'Up: move Sara Ahmadi one place higher' });
    fireEvent.click(up);
    expect(rankedNames()).toEqual(['Sara Ahmadi', 'Omid Jafari', 'Nora Rossi']);
    // Sara is now first: her Up button is disabled, so focus moved to her Down button, and the move is announced.
    expect((up as HTMLButtonElement).disabled).toBe(true);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Down: move Sara Ahmadi one place lower');
    expect(screen.getByText('Sara Ahmadi is now number 1 of 3.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Down: move Omid Jafari one place lower' }));
    expect(rankedNames()).toEqual(['Sara Ahmadi', 'Nora Rossi', 'Omid Jafari']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Nora Rossi from your ranking' }));
    expect(rankedNames()).toEqual(['Sara Ahmadi', 'Omid Jafari']);

    fireEvent.click(screen.getByRole('button', { name: 'Save ranking' }));
    expect(await screen.findByText('Your ranking of 2 people was saved.')).toBeTruthy();
    expect(api.calls('POST', '/programs/p1/preferences')[0]?.body).toEqual({ rankedUserIds: ['t1', 't2'] });
    expect(screen.queryByText('You have changes that are not saved yet.')).toBeNull();
  });

  it('given the program has ended, then saving shows why it was refused', async () => {
    fakeApi({ rankedUserIds: [], updatedAt: null }, () =>
      apiError({ statusCode: 409, error: 'Conflict', message: 'The program has ended; rankings can no longer change', code: 'PROGRAM_CLOSED' }),
    );
    await renderPage();
    expect(await screen.findByText('You have not saved a ranking yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add Omid Jafari to your ranking' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save ranking' }));

    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This program has ended or was closed, so nothing in it can change any more.'));
  });
});
