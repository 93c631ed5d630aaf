import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AcademicRecordResponse } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { MyResultsPage } from './my-results-page';

const record = (id: string, assessment: string, takenOn: string, score: number, maxScore: number): AcademicRecordResponse => ({
  id,
  programId: 'p1',
  programName: 'Preclinical Peer Mentoring',
  studentEmail: 'mentee1@demo.example',
  assessment,
  takenOn,
  score,
  maxScore,
  value: (100 * score) / maxScore,
});

const cells = (row: HTMLElement): string[] => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '');

describe('MyResultsPage', () => {
  it('lists the student’s own results newest first, with the score out of the maximum and the percentage', async () => {
    const api = stubApi(({ path }) =>
      path === '/me/academic-records' ? json([record('r1', 'Anatomy midterm', '2026-02-10', 42, 50), record('r2', 'Physiology quiz', '2026-04-02', 17.5, 20)]) : undefined,
    );
    await renderWithProviders(<MyResultsPage />);

    const rows = within(await screen.findByTestId('results-table')).getAllByTestId('result-row');
    expect(rows.map(cells)).toEqual([
      ['Physiology quiz', '2 Apr 2026', '17.5 / 20', '87.5%'],
      ['Anatomy midterm', '10 Feb 2026', '42 / 50', '84.0%'],
    ]);
    expect(api.requests.map((r) => r.path)).toEqual(['/me/academic-records']);
  });

  it('in Persian, shows Solar Hijri dates and Persian digits', async () => {
    stubApi(({ path }) => (path === '/me/academic-records' ? json([record('r1', 'Anatomy midterm', '2026-03-21', 42, 50)]) : undefined));
    await renderWithProviders(<MyResultsPage />, { language: 'fa' });
    const row = within(await screen.findByTestId('results-table')).getByTestId('result-row');
    const [, date, score] = cells(row);
    expect(date).toBe('۱ فروردین ۱۴۰۵');
    expect(score).toBe('۴۲ از ۵۰');
  });

  it('given no results, then it says so', async () => {
    stubApi(({ path }) => (path === '/me/academic-records' ? json([]) : undefined));
    await renderWithProviders(<MyResultsPage />);
    expect(await screen.findByText('No results have been imported for you yet.')).toBeTruthy();
  });
});
