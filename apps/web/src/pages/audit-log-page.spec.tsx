import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { AuditEntryResponse, ProgramResponse } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { AuditLogPage } from './audit-log-page';

/** The first answer may take a while on a loaded machine (lazy translations, the query client's first fetch). */
const FIRST_LOAD = { timeout: 10_000 };

const program: ProgramResponse = {
  id: 'p1',
  name: 'Preclinical Peer Mentoring',
  timezone: 'Asia/Tehran',
  startsOn: '2026-03-21',
  endsOn: '2026-06-21',
  createdAt: '2026-02-01T09:00:00.000Z',
  myRelations: ['coordinator'],
  counts: { mentors: 10, mentees: 30, coordinators: 1 },
};

const entry = (id: string, action: string, details: AuditEntryResponse['details'], subjectEmail: string | null = null): AuditEntryResponse => ({
  id,
  actorId: 'c1',
  actorName: 'Cora Ordinator',
  action,
  subjectUserId: subjectEmail ? 's1' : null,
  subjectEmail,
  details,
  createdAt: '2026-03-05T10:00:00.000Z',
});

const entries: AuditEntryResponse[] = [
  entry('a4', 'matching.commit', { runId: 'r1', algorithm: 'optimal', mentorships: 12, unmatched: 1 }),
  entry('a3', 'records.delete', { recordId: 'x', assessment: 'Anatomy', takenOn: '2026-03-01' }, 'mentee1@demo.example'),
  entry('a2', 'records.read', { email: 'mentee1@demo.example', scope: 'student', records: 4 }, 'mentee1@demo.example'),
  entry('a1', 'records.import', { rows: 256, imported: 250, updated: 6 }),
];

function fakeApi() {
  return stubApi(({ method, path }) => {
    if (method === 'GET' && path === '/programs/p1') return json(program);
    if (method === 'GET' && path === '/programs/p1/audit-log') return json(entries);
    return undefined;
  });
}

/** The query strings of every audit-log request the page made. */
const auditQueries = (api: ReturnType<typeof fakeApi>): URLSearchParams[] =>
  api.fetchMock.mock.calls
    .map(([input]) => new URL(String(input), 'http://localhost'))
    .filter((url) => url.pathname === '/api/programs/p1/audit-log')
    .map((url) => url.searchParams);

const renderPage = (language: 'en' | 'fa' = 'en') =>
  renderWithProviders(
    <Routes>
      <Route path="/programs/:programId/audit-log" element={<AuditLogPage />} />
    </Routes>,
    { route: '/programs/p1/audit-log', language },
  );

const cells = (row: HTMLElement): string[] => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '');

describe('AuditLogPage', () => {
  it('lists who did what to whose data, matching commits and deletions included', async () => {
    fakeApi();
    await renderPage();
    const rows = within(await screen.findByTestId('audit-log', {}, FIRST_LOAD)).getAllByRole('row').slice(1);
    expect(rows.map((row) => cells(row).slice(1))).toEqual([
      ['Cora Ordinator', 'Committed a matching', 'The whole program', '12 pairs'],
      ['Cora Ordinator', 'Deleted a result', 'mentee1@demo.example', 'Anatomy, taken 1 Mar 2026'],
      ['Cora Ordinator', 'Read results', 'mentee1@demo.example', '4 records'],
      ['Cora Ordinator', 'Imported results', 'The whole program', '256 rows: 250 new, 6 corrected'],
    ]);
  });

  it('filters by kind of action and asks for one page at a time', async () => {
    const api = fakeApi();
    await renderPage();
    await screen.findByTestId('audit-log', {}, FIRST_LOAD);
    expect(auditQueries(api)[0]?.get('limit')).toBe('51');
    expect(auditQueries(api)[0]?.get('offset')).toBe('0');
    fireEvent.change(screen.getByLabelText('Kind of action'), { target: { value: 'records.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(auditQueries(api).at(-1)?.get('action')).toBe('records.'));
  });

  it('in Persian, names the actions in Persian', async () => {
    fakeApi();
    await renderPage('fa');
    const rows = within(await screen.findByTestId('audit-log', {}, FIRST_LOAD)).getAllByRole('row').slice(1);
    expect(cells(rows[0] as HTMLElement)[2]).toBe('جفت‌سازی را نهایی کرد');
  });
});
