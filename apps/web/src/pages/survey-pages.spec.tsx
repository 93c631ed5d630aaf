import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ProgramResponse, SurveyItemResponse, SurveySummaryResponse } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { SurveyAdminPage } from './survey-admin-page';
import { SurveyPage } from './survey-page';

/** The first answer may take a while on a loaded machine (lazy translations, the query client's first fetch). */
const FIRST_LOAD = { timeout: 10_000 };

const program = (relation: 'coordinator' | 'mentee'): ProgramResponse => ({
  id: 'p1',
  name: 'Preclinical Peer Mentoring',
  timezone: 'Asia/Tehran',
  startsOn: '2026-03-21',
  endsOn: '2026-06-21',
  createdAt: '2026-02-01T09:00:00.000Z',
  myRelations: [relation],
  counts: { mentors: 10, mentees: 30, coordinators: 1 },
});

const items: SurveyItemResponse[] = [
  { id: 'i1', key: 'useful', text: 'The mentoring was useful for my studies.', position: 0 },
  { id: 'i2', key: 'recommend', text: 'I would recommend my mentor.', position: 1 },
];

const summary: SurveySummaryResponse = {
  respondents: 3,
  items: [
    { itemId: 'i1', key: 'useful', text: items[0]?.text ?? '', n: 3, mean: 4.333, sd: 0.577, distribution: [0, 0, 0, 2, 1] },
    { itemId: 'i2', key: 'recommend', text: items[1]?.text ?? '', n: 3, mean: 5, sd: 0, distribution: [0, 0, 0, 0, 3] },
  ],
};

describe('survey pages', () => {
  it('coordinators read the summary and save edited statements', async () => {
    const api = stubApi(({ method, path, body }) => {
      if (method === 'GET' && path === '/programs/p1') return json(program('coordinator'));
      if (method === 'GET' && path === '/programs/p1/survey-items') return json(items);
      if (method === 'GET' && path === '/programs/p1/survey-summary') return json(summary);
      if (method === 'PUT' && path === '/programs/p1/survey-items') {
        const request = body as { items: Array<{ key: string; text: string }> };
        return json(request.items.map((item, position) => ({ id: `n${position}`, key: item.key, text: item.text, position })));
      }
      return undefined;
    });
    await renderWithProviders(
      <Routes>
        <Route path="/programs/:programId/surveys" element={<SurveyAdminPage />} />
      </Routes>,
      { route: '/programs/p1/surveys' },
    );
    const table = await screen.findByTestId('survey-summary', {}, FIRST_LOAD);
    const first = within(table).getAllByRole('row')[1] as HTMLElement;
    expect([...first.querySelectorAll('th, td')].map((c) => c.textContent)).toEqual(['The mentoring was useful for my studies.', '3', '4.33', '0.58', '0', '0', '0', '2', '1']);

    fireEvent.click(await screen.findByTestId('survey-item-add', {}, FIRST_LOAD));
    fireEvent.change(screen.getByLabelText('Statement 3'), { target: { value: 'My mentor listened to me.' } });
    fireEvent.click(screen.getByTestId('survey-items-save'));
    await waitFor(() => expect(api.calls('PUT', '/programs/p1/survey-items')).toHaveLength(1));
    expect(api.calls('PUT', '/programs/p1/survey-items')[0]?.body).toEqual({
      items: [
        { key: 'useful', text: 'The mentoring was useful for my studies.' },
        { key: 'recommend', text: 'I would recommend my mentor.' },
        { key: 'item_3', text: 'My mentor listened to me.' },
      ],
    });
  });

  it('a mentee must rate every statement, then sends the answers once', async () => {
    const api = stubApi(({ method, path }) => {
      if (method === 'GET' && path === '/programs/p1') return json(program('mentee'));
      if (method === 'GET' && path === '/programs/p1/survey-items') return json(items);
      if (method === 'POST' && path === '/programs/p1/survey-responses') return json({ id: 'resp1' }, 201);
      return undefined;
    });
    await renderWithProviders(
      <Routes>
        <Route path="/programs/:programId/survey" element={<SurveyPage />} />
      </Routes>,
      { route: '/programs/p1/survey', language: 'fa' },
    );
    await screen.findByTestId('survey-form', {}, FIRST_LOAD);
    fireEvent.click(screen.getAllByLabelText('۴: موافقم')[0] as HTMLElement);
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect((await screen.findByText('برای این گزاره یک پاسخ انتخاب کنید.')).getAttribute('role')).toBe('alert');
    expect(api.calls('POST', '/programs/p1/survey-responses')).toHaveLength(0);
    const radios = screen.getAllByLabelText('۵: کاملاً موافقم');
    fireEvent.click(radios[1] as HTMLElement);
    fireEvent.click(screen.getByTestId('survey-submit'));
    await screen.findByTestId('survey-thanks', {}, FIRST_LOAD);
    expect(api.calls('POST', '/programs/p1/survey-responses')[0]?.body).toEqual({ answers: [{ itemId: 'i1', value: 4 }, { itemId: 'i2', value: 5 }] });
  });
});
