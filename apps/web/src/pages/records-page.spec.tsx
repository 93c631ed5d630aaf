import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { AcademicRecordResponse, ProgramResponse } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { RecordsPage } from './records-page';

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

const record = (i: number): AcademicRecordResponse => ({
  id: `r${i}`,
  programId: 'p1',
  programName: program.name,
  studentEmail: `s${String(i).padStart(2, '0')}@uni.example`,
  assessment: 'Anatomy',
  takenOn: '2026-03-01',
  score: 40,
  maxScore: 50,
  value: 80,
});

function fakeApi() {
  const records = new Map(Array.from({ length: 30 }, (_, i) => [`r${i}`, record(i)]));
  return stubApi(({ method, path }) => {
    if (method === 'GET' && path === '/programs/p1') return json(program);
    if (method === 'GET' && path === '/programs/p1/academic-records') return json([...records.values()].slice(0, 26));
    const del = /^\/programs\/p1\/academic-records\/(r\d+)$/.exec(path);
    if (method === 'DELETE' && del) {
      records.delete(del[1] ?? '');
      return new Response(null, { status: 204 });
    }
    return undefined;
  });
}

const renderPage = (language: 'en' | 'fa' = 'en') =>
  renderWithProviders(
    <Routes>
      <Route path="/programs/:programId/records" element={<RecordsPage />} />
    </Routes>,
    { route: '/programs/p1/records', language },
  );

describe('RecordsPage', () => {
  it('lists a page of records, says a next page exists, and deletes one after a second confirmation', async () => {
    const api = fakeApi();
    await renderPage();
    const table = await screen.findByTestId('records-table', {}, FIRST_LOAD);
    expect(within(table).getAllByTestId('record-row')).toHaveLength(25);
    expect((screen.getByTestId('records-next') as HTMLButtonElement).disabled).toBe(false);

    fireEvent.click(within(table).getByRole('button', { name: 'Delete Anatomy of s03@uni.example' }));
    expect(api.calls('DELETE', '/programs/p1/academic-records/r3')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('record-delete-confirm'));
    await waitFor(() => expect(api.calls('DELETE', '/programs/p1/academic-records/r3')).toHaveLength(1));
    expect((await screen.findByText('The record was deleted.')).getAttribute('role')).toBe('status');
  });

  it('in Persian, labels the table in Persian', async () => {
    fakeApi();
    await renderPage('fa');
    const table = await screen.findByTestId('records-table', {}, FIRST_LOAD);
    expect(within(table).getByRole('columnheader', { name: 'ارزشیابی' })).toBeTruthy();
  });
});
