import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ProgramResponse, SurveyItemResponse, SurveyItemSet, SurveySummaryResponse, SurveyWavesResponse, UpdateSurveyItemsRequest } from '@pm/contracts';
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

const STRESS_SOURCE = 'Written for this platform, CC0 1.0';

const items: SurveyItemResponse[] = [
  { id: 'i1', key: 'useful', text: 'The mentoring was useful for my studies.', position: 0, source: null, baseline: false },
  { id: 'i2', key: 'recommend', text: 'I would recommend my mentor.', position: 1, source: null, baseline: false },
  { id: 'i3', key: 'whom_to_ask', text: 'I know whom to ask when I struggle.', position: 2, source: STRESS_SOURCE, baseline: true },
];

const itemSets: SurveyItemSet[] = [
  {
    id: 'stress',
    name: 'Study stress and support',
    source: STRESS_SOURCE,
    items: [
      { key: 'workload', text: 'My workload feels manageable.', baseline: true },
      { key: 'whom_to_ask', text: 'I know whom to ask when I struggle.', baseline: true },
    ],
  },
];

const summary: SurveySummaryResponse = {
  respondents: 3,
  baselineRespondents: 4,
  items: [
    {
      itemId: 'i1',
      key: 'useful',
      text: items[0]?.text ?? '',
      source: null,
      n: 3,
      mean: 4.333,
      sd: 0.577,
      distribution: [0, 0, 0, 2, 1],
      baselineN: 0,
      baselineMean: null,
      change: { n: 0, meanChange: null, ci95: null, pValue: null },
    },
    {
      itemId: 'i3',
      key: 'whom_to_ask',
      text: items[2]?.text ?? '',
      source: STRESS_SOURCE,
      n: 3,
      mean: 4,
      sd: 1,
      distribution: [0, 0, 1, 1, 1],
      baselineN: 4,
      baselineMean: 2.5,
      change: { n: 3, meanChange: 1.333, ci95: [0.2, 2.467], pValue: 0.0312 },
    },
  ],
};

const waves = (baseline: { open: boolean; answered: boolean }, endAnswered = false): SurveyWavesResponse => ({ baseline, end: { open: !endAnswered, answered: endAnswered } });

/** The PUT answers with what it was sent, as the API does. */
const savedItems = (body: unknown): SurveyItemResponse[] =>
  (body as UpdateSurveyItemsRequest).items.map((item, position) => ({ id: `n${position}`, key: item.key, text: item.text, position, source: item.source ?? null, baseline: item.baseline ?? false }));

const renderAdmin = (language: 'en' | 'fa' = 'en') =>
  renderWithProviders(
    <Routes>
      <Route path="/programs/:programId/surveys" element={<SurveyAdminPage />} />
    </Routes>,
    { route: '/programs/p1/surveys', language },
  );

const renderSurvey = (language: 'en' | 'fa' = 'en') =>
  renderWithProviders(
    <Routes>
      <Route path="/programs/:programId/survey" element={<SurveyPage />} />
    </Routes>,
    { route: '/programs/p1/survey', language },
  );

const cells = (row: HTMLElement): Array<string | null> => [...row.querySelectorAll('th, td')].map((c) => c.textContent);

describe('survey pages', () => {
  it('coordinators read the summary and save edited statements with their sources', async () => {
    const api = stubApi(({ method, path, body }) => {
      if (method === 'GET' && path === '/programs/p1') return json(program('coordinator'));
      if (method === 'GET' && path === '/programs/p1/survey-items') return json(items);
      if (method === 'GET' && path === '/programs/p1/survey-summary') return json(summary);
      if (method === 'GET' && path === '/survey-item-sets') return json(itemSets);
      if (method === 'PUT' && path === '/programs/p1/survey-items') return json(savedItems(body));
      return undefined;
    });
    await renderAdmin();
    const table = await screen.findByTestId('survey-summary', {}, FIRST_LOAD);
    const first = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(cells(first)).toEqual(['The mentoring was useful for my studies.Written for this program', '3', '4.33', '0.58', '0', '0', '0', '2', '1']);
    expect(within(within(table).getAllByRole('row')[2] as HTMLElement).getByTestId('survey-summary-source').textContent).toBe(`Source: ${STRESS_SOURCE}`);
    expect(screen.getByTestId('survey-respondents').textContent).toBe('3 mentees have answered at the end of the program.');
    expect(screen.getByTestId('survey-baseline-respondents').textContent).toBe('4 mentees answered before mentoring began.');

    const sources = await screen.findAllByTestId('survey-item-source', {}, FIRST_LOAD);
    expect(sources.map((s) => s.textContent)).toEqual(['Written for this program', 'Written for this program', `Source: ${STRESS_SOURCE}`]);
    fireEvent.click(screen.getByTestId('survey-item-add'));
    fireEvent.change(screen.getByLabelText('Statement 4'), { target: { value: 'My mentor listened to me.' } });
    fireEvent.click(screen.getByTestId('survey-items-save'));
    await waitFor(() => expect(api.calls('PUT', '/programs/p1/survey-items')).toHaveLength(1));
    expect(api.calls('PUT', '/programs/p1/survey-items')[0]?.body).toEqual({
      items: [
        { key: 'useful', text: 'The mentoring was useful for my studies.', source: null, baseline: false },
        { key: 'recommend', text: 'I would recommend my mentor.', source: null, baseline: false },
        { key: 'whom_to_ask', text: 'I know whom to ask when I struggle.', source: STRESS_SOURCE, baseline: true },
        { key: 'item_4', text: 'My mentor listened to me.', source: null, baseline: false },
      ],
    });
    expect(await screen.findByText('The statements were saved.')).toBeTruthy();
  });

  it('loading an item set fills the editor without saving, and the save sends the set and its source', async () => {
    const api = stubApi(({ method, path, body }) => {
      if (method === 'GET' && path === '/programs/p1') return json(program('coordinator'));
      if (method === 'GET' && path === '/programs/p1/survey-items') return json(items);
      if (method === 'GET' && path === '/programs/p1/survey-summary') return json(summary);
      if (method === 'GET' && path === '/survey-item-sets') return json(itemSets);
      if (method === 'PUT' && path === '/programs/p1/survey-items') return json(savedItems(body));
      return undefined;
    });
    await renderAdmin();
    const select = await screen.findByLabelText('Load a set', {}, FIRST_LOAD);
    await screen.findByRole('option', { name: 'Study stress and support' }, FIRST_LOAD);
    expect(api.fetchMock.mock.calls.some(([input]) => String(input).includes('/survey-item-sets?lang=en'))).toBe(true);

    fireEvent.click(screen.getByTestId('survey-item-set-load'));
    expect((await screen.findByText('Choose the set to load.')).getAttribute('role')).toBe('alert');

    fireEvent.change(select, { target: { value: 'stress' } });
    fireEvent.click(screen.getByTestId('survey-item-set-load'));
    await waitFor(() => expect((screen.getByLabelText('Statement 1') as HTMLTextAreaElement).value).toBe('My workload feels manageable.'));
    expect((screen.getByLabelText('Statement 2') as HTMLTextAreaElement).value).toBe('I know whom to ask when I struggle.');
    expect(screen.queryByLabelText('Statement 3')).toBeNull();
    expect(screen.getAllByTestId('survey-item-source').map((s) => s.textContent)).toEqual([`Source: ${STRESS_SOURCE}`, `Source: ${STRESS_SOURCE}`]);
    expect(screen.getByTestId('survey-item-set-loaded').textContent).toContain('Study stress and support');
    expect(api.calls('PUT', '/programs/p1/survey-items')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('survey-items-save'));
    await waitFor(() => expect(api.calls('PUT', '/programs/p1/survey-items')).toHaveLength(1));
    expect(api.calls('PUT', '/programs/p1/survey-items')[0]?.body).toEqual({
      items: [
        { key: 'workload', text: 'My workload feels manageable.', source: STRESS_SOURCE, baseline: true },
        { key: 'whom_to_ask', text: 'I know whom to ask when I struggle.', source: STRESS_SOURCE, baseline: true },
      ],
    });
  });

  it('the summary shows the baseline mean, the paired change with its interval and p, in Persian digits', async () => {
    stubApi(({ method, path }) => {
      if (method === 'GET' && path === '/programs/p1') return json(program('coordinator'));
      if (method === 'GET' && path === '/programs/p1/survey-items') return json(items);
      if (method === 'GET' && path === '/programs/p1/survey-summary') return json(summary);
      if (method === 'GET' && path === '/survey-item-sets') return json(itemSets);
      return undefined;
    });
    await renderAdmin('fa');
    const table = await screen.findByTestId('survey-change', {}, FIRST_LOAD);
    const rows = within(table).getAllByRole('row');
    // Only the statement asked at both times; the end-only one has no baseline.
    expect(rows).toHaveLength(2);
    expect(cells(rows[1] as HTMLElement)).toEqual(['I know whom to ask when I struggle.', '۴', '۲٫۵۰', '۴٫۰۰', '۳', '‎+۱٫۳۳', '۰٫۲۰ تا ۲٫۴۷', '۰٫۰۳۱']);
    expect(screen.getByTestId('survey-baseline-respondents').textContent).toBe('۴ منتی پیش از آغاز منتورینگ پاسخ داده‌اند.');
  });

  it('the summary says "not enough data" where the change cannot be computed', async () => {
    const thin: SurveySummaryResponse = {
      respondents: 1,
      baselineRespondents: 1,
      items: [{ ...(summary.items[1] as SurveySummaryResponse['items'][number]), n: 1, sd: null, baselineN: 1, change: { n: 1, meanChange: 1, ci95: null, pValue: null } }],
    };
    stubApi(({ method, path }) => {
      if (method === 'GET' && path === '/programs/p1') return json(program('coordinator'));
      if (method === 'GET' && path === '/programs/p1/survey-items') return json(items);
      if (method === 'GET' && path === '/programs/p1/survey-summary') return json(thin);
      if (method === 'GET' && path === '/survey-item-sets') return json(itemSets);
      return undefined;
    });
    await renderAdmin();
    const table = await screen.findByTestId('survey-change', {}, FIRST_LOAD);
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(cells(row).slice(5)).toEqual(['+1.00', '—not enough data', '—not enough data']);
  });

  it('before mentoring begins, a mentee answers the baseline statements, then meets the end-of-program survey', async () => {
    let baselineAnswered = false;
    const api = stubApi(({ method, path }) => {
      if (method === 'GET' && path === '/programs/p1') return json(program('mentee'));
      if (method === 'GET' && path === '/programs/p1/survey-items') return json(items);
      if (method === 'GET' && path === '/programs/p1/survey-waves') return json(waves({ open: !baselineAnswered, answered: baselineAnswered }));
      if (method === 'POST' && path === '/programs/p1/survey-responses') {
        baselineAnswered = true;
        return json({ id: 'resp1' }, 201);
      }
      return undefined;
    });
    await renderSurvey();
    const wave = await screen.findByTestId('survey-wave', {}, FIRST_LOAD);
    expect(wave.getAttribute('data-wave')).toBe('baseline');
    expect(screen.getByRole('heading', { name: 'Before your mentoring begins' })).toBeTruthy();
    expect(within(wave).getByText(/The same statements come again at the end of the program/)).toBeTruthy();
    // Only the statement that reads the same before and after is asked.
    const form = screen.getByTestId('survey-form');
    expect(within(form).getAllByRole('group')).toHaveLength(1);
    expect(within(form).getByText(/I know whom to ask when I struggle\./)).toBeTruthy();

    fireEvent.click(screen.getByLabelText('2: disagree'));
    fireEvent.click(screen.getByTestId('survey-submit'));
    await screen.findByTestId('survey-baseline-thanks', {}, FIRST_LOAD);
    expect(api.calls('POST', '/programs/p1/survey-responses')[0]?.body).toEqual({ wave: 'baseline', answers: [{ itemId: 'i3', value: 2 }] });
    expect(screen.getByTestId('survey-wave').getAttribute('data-wave')).toBe('end');
    expect(within(screen.getByTestId('survey-form')).getAllByRole('group')).toHaveLength(3);
    expect(screen.queryByTestId('survey-thanks')).toBeNull();
  });

  it('a mentee must rate every statement of the end-of-program survey, then sends the answers once', async () => {
    const api = stubApi(({ method, path }) => {
      if (method === 'GET' && path === '/programs/p1') return json(program('mentee'));
      if (method === 'GET' && path === '/programs/p1/survey-items') return json(items.slice(0, 2));
      if (method === 'GET' && path === '/programs/p1/survey-waves') return json(waves({ open: false, answered: false }, api.calls('POST', '/programs/p1/survey-responses').length > 0));
      if (method === 'POST' && path === '/programs/p1/survey-responses') return json({ id: 'resp1' }, 201);
      return undefined;
    });
    await renderSurvey('fa');
    await screen.findByTestId('survey-form', {}, FIRST_LOAD);
    expect(screen.getByTestId('survey-wave').getAttribute('data-wave')).toBe('end');
    fireEvent.click(screen.getAllByLabelText('۴: موافقم')[0] as HTMLElement);
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect((await screen.findByText('برای این گزاره یک پاسخ انتخاب کنید.')).getAttribute('role')).toBe('alert');
    expect(api.calls('POST', '/programs/p1/survey-responses')).toHaveLength(0);
    const radios = screen.getAllByLabelText('۵: کاملاً موافقم');
    fireEvent.click(radios[1] as HTMLElement);
    fireEvent.click(screen.getByTestId('survey-submit'));
    const thanks = await screen.findByTestId('survey-thanks', {}, FIRST_LOAD);
    expect(thanks.textContent).toBe('سپاس‌گزاریم! پاسخ‌های شما ذخیره شد.');
    expect(api.calls('POST', '/programs/p1/survey-responses')[0]?.body).toEqual({ wave: 'end', answers: [{ itemId: 'i1', value: 4 }, { itemId: 'i2', value: 5 }] });
    // The waves are read again after the answers, and the thanks stay.
    await waitFor(() => expect(api.calls('GET', '/programs/p1/survey-waves')).toHaveLength(2));
    expect(screen.getByTestId('survey-thanks').textContent).toBe('سپاس‌گزاریم! پاسخ‌های شما ذخیره شد.');
  });

  it('with the baseline answered, a mentee is shown the end-of-program survey', async () => {
    stubApi(({ method, path }) => {
      if (method === 'GET' && path === '/programs/p1') return json(program('mentee'));
      if (method === 'GET' && path === '/programs/p1/survey-items') return json(items);
      if (method === 'GET' && path === '/programs/p1/survey-waves') return json(waves({ open: false, answered: true }));
      return undefined;
    });
    await renderSurvey();
    const wave = await screen.findByTestId('survey-wave', {}, FIRST_LOAD);
    expect(wave.getAttribute('data-wave')).toBe('end');
    expect(screen.getByRole('heading', { name: 'How was your mentoring?' })).toBeTruthy();
    expect(within(wave).getByText(/Answering it completes the survey\./)).toBeTruthy();
    expect(within(screen.getByTestId('survey-form')).getAllByRole('group')).toHaveLength(3);
    expect(screen.queryByTestId('survey-baseline-thanks')).toBeNull();
  });

  it('with both waves answered, a mentee is thanked and asked nothing', async () => {
    stubApi(({ method, path }) => {
      if (method === 'GET' && path === '/programs/p1') return json(program('mentee'));
      if (method === 'GET' && path === '/programs/p1/survey-items') return json(items);
      if (method === 'GET' && path === '/programs/p1/survey-waves') return json(waves({ open: false, answered: true }, true));
      return undefined;
    });
    await renderSurvey();
    expect((await screen.findByTestId('survey-thanks', {}, FIRST_LOAD)).textContent).toBe('You have already answered this survey. Thank you!');
    expect(screen.queryByTestId('survey-form')).toBeNull();
    expect(screen.queryByTestId('survey-wave')).toBeNull();
  });

  it('a baseline refused because mentoring began moves the mentee on to the end-of-program survey, saying why', async () => {
    let closed = false;
    stubApi(({ method, path }) => {
      if (method === 'GET' && path === '/programs/p1') return json(program('mentee'));
      if (method === 'GET' && path === '/programs/p1/survey-items') return json(items);
      if (method === 'GET' && path === '/programs/p1/survey-waves') return json(waves({ open: !closed, answered: false }));
      if (method === 'POST' && path === '/programs/p1/survey-responses') {
        closed = true;
        return json({ statusCode: 409, error: 'Conflict', message: 'The baseline survey is closed', code: 'SURVEY_WAVE_CLOSED' }, 409);
      }
      return undefined;
    });
    await renderSurvey();
    await screen.findByTestId('survey-form', {}, FIRST_LOAD);
    fireEvent.click(screen.getByLabelText('3: neither'));
    fireEvent.click(screen.getByTestId('survey-submit'));
    await waitFor(() => expect(screen.getByTestId('survey-wave').getAttribute('data-wave')).toBe('end'), FIRST_LOAD);
    expect(screen.getByRole('alert').textContent).toContain('The survey before mentoring closes when your mentoring begins');
  });
});
