import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { PairHealthRow } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { json, urlOf } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { PairHealthPage } from './pair-health-page';

const atRisk: PairHealthRow = {
  mentorshipId: 'm1',
  menteeId: 'u1',
  mentorId: 'u2',
  status: 'at_risk',
  reasons: [{ code: 'NO_SHOWS' }, { code: 'LOW_CHECK_IN' }],
  lastSessionAt: '2030-05-10T12:00:00.000Z',
  nextSessionAt: null,
  sessionsHeld: 3,
  noShows: 2,
  menteeName: 'Ali <b>x</b>',
  mentorName: 'Omid Mentor',
  menteeEmail: 'ali@uni.example',
  mentorEmail: 'omid@uni.example',
  startedAt: '2030-03-01',
};
const needsCheckIn: PairHealthRow = {
  ...atRisk,
  mentorshipId: 'm2',
  menteeId: 'u3',
  mentorId: 'u4',
  status: 'needs_check_in',
  reasons: [{ code: 'NO_AGREEMENT' }],
  lastSessionAt: null,
  sessionsHeld: 0,
  noShows: 0,
  menteeName: 'Sara Quiet',
  mentorName: 'Reza Busy',
  menteeEmail: 'sara@uni.example',
  mentorEmail: 'reza@uni.example',
};
const onTrack: PairHealthRow = { ...needsCheckIn, mentorshipId: 'm3', status: 'on_track', reasons: [], menteeName: 'Mina Fine', mentorName: 'Nima Good' };
const rows = [atRisk, needsCheckIn, onTrack];

/** A fake API that filters by `?status=` like the real one (the stub passes the path only; the query is on the call just made). */
function fakeApi() {
  const api = stubApi(({ method, path }) => {
    if (method === 'GET' && path === '/programs/p1/health') {
      const status = new URL(urlOf(api.fetchMock.mock.lastCall?.[0] ?? ''), 'http://localhost').searchParams.get('status');
      return json(status ? rows.filter((r) => r.status === status) : rows);
    }
    return undefined;
  });
  return api;
}

/** The `status` of every pair-health request the page made ('' when unfiltered). */
const statusQueries = (api: ReturnType<typeof fakeApi>): string[] =>
  api.fetchMock.mock.calls
    .map(([input]) => new URL(urlOf(input), 'http://localhost'))
    .filter((url) => url.pathname === '/api/programs/p1/health')
    .map((url) => url.searchParams.get('status') ?? '');

const renderPage = (language: 'en' | 'fa' = 'en') =>
  renderWithProviders(
    <Routes>
      <Route path="/programs/:programId/pair-health" element={<PairHealthPage />} />
    </Routes>,
    { route: '/programs/p1/pair-health', language },
  );

describe('PairHealthPage', () => {
  it('lists every pair with its status and the reasons in words, never the codes', async () => {
    fakeApi();
    await renderPage();
    const items = await screen.findAllByTestId('pair-row');
    expect(items.map((item) => item.getAttribute('data-status'))).toEqual(['at_risk', 'needs_check_in', 'on_track']);

    const first = items[0] as HTMLElement;
    expect(within(first).getByRole('heading', { level: 3 }).textContent).toContain('At risk');
    expect([...within(first).getByTestId('pair-reasons').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'The mentee missed two or more sessions.',
      'The mentee’s latest check-in was 2 or less out of 5.',
    ]);
    expect(first.textContent).not.toMatch(/NO_SHOWS|LOW_CHECK_IN/);
    expect(first.textContent).toContain('10 May 2030');
    expect(first.textContent).toContain('None booked');

    const second = items[1] as HTMLElement;
    expect(within(second).getByRole('heading', { level: 3 }).textContent).toContain('Needs a check-in');
    expect(within(second).getByTestId('pair-reasons').textContent).toBe('The agreement is not signed by both, two weeks after the start.');
    expect(second.textContent).toContain('None yet');
    // A pair on track has no reasons to list.
    expect(within(items[2] as HTMLElement).queryByTestId('pair-reasons')).toBeNull();
    expect(document.body.textContent).not.toMatch(/NO_AGREEMENT|relationship\.|undefined/);

    // The counts per status come from the unfiltered list.
    expect([...screen.getByTestId('board-summary').querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual(['1', '1', '1']);
  });

  it('shows names as text, never as HTML, and mails both people of the pair', async () => {
    fakeApi();
    await renderPage();
    const first = (await screen.findAllByTestId('pair-row'))[0] as HTMLElement;
    const heading = within(first).getByRole('heading', { level: 3 });
    expect(heading.textContent).toContain('Ali <b>x</b> with Omid Mentor');
    expect(first.querySelector('b')).toBeNull();
    const mail = within(first).getByRole('link', { name: 'Email the pair' }).getAttribute('href');
    expect(mail).toBe('mailto:ali@uni.example,omid@uni.example?subject=Your%20mentoring');
    expect(within(first).getByRole('link', { name: 'End or rematch' }).getAttribute('href')).toBe('/programs/p1/matching');
  });

  it('asks the API for one status when filtered, and shows only those pairs', async () => {
    const api = fakeApi();
    await renderPage();
    expect(await screen.findAllByTestId('pair-row')).toHaveLength(3);
    expect(statusQueries(api)).not.toContain('at_risk');

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'at_risk' } });
    await waitFor(() => expect(statusQueries(api)).toContain('at_risk'));
    await waitFor(() => expect(screen.getAllByTestId('pair-row')).toHaveLength(1));
    expect(screen.getByTestId('pair-row').getAttribute('data-status')).toBe('at_risk');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('At risk');

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'on_track' } });
    await waitFor(() => expect(screen.getByTestId('pair-row').getAttribute('data-status')).toBe('on_track'));
    expect(statusQueries(api)).toContain('on_track');
    expect(screen.getByTestId('pair-row').textContent).toContain('Mina Fine');
  });

  it('says so when a filter matches no pair', async () => {
    stubApi(({ method, path }) => (method === 'GET' && path === '/programs/p1/health' ? json([]) : undefined));
    await renderPage();
    expect(await screen.findByText('No pair in this list.')).toBeTruthy();
    expect(screen.queryByTestId('pair-list')).toBeNull();
  });

  it('in Persian, writes the headings, statuses and reasons in Persian', async () => {
    fakeApi();
    await renderPage('fa');
    const first = (await screen.findAllByTestId('pair-row'))[0] as HTMLElement;
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('وضعیت جفت‌ها');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('همهٔ جفت‌ها');
    expect(within(first).getByRole('heading', { level: 3 }).textContent).toContain('در معرض خطر');
    expect(within(first).getByTestId('pair-reasons').textContent).toContain('منتی در دو جلسه یا بیشتر حاضر نشده است.');
    expect(first.textContent).toContain('۳');
    expect(first.textContent).not.toMatch(/NO_SHOWS/);
  });
});
