import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHING_WEIGHTS, type ApiErrorBody, type CreateMatchingRunRequest, type EnrollmentResponse, type MatchingRunResponse, type MatchingWeights, type MentorshipResponse, type ProgramResponse } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { apiError, deferred, json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { MatchingPage } from './matching-page';

const program: ProgramResponse = {
  id: 'p1',
  name: 'Preclinical Peer Mentoring',
  timezone: 'Asia/Tehran',
  startsOn: '2026-03-21',
  endsOn: '2026-06-21',
  createdAt: '2026-02-01T09:00:00.000Z',
  myRelations: ['coordinator'],
  counts: { mentors: 2, mentees: 3, coordinators: 1 },
};

const enrolment = (userId: string, fullName: string, role: 'mentor' | 'mentee', yearOfStudy: number): EnrollmentResponse => ({
  id: `e-${userId}`,
  programId: 'p1',
  userId,
  role,
  capacity: role === 'mentor' ? 2 : null,
  fullName,
  email: `${userId}@demo.example`,
  yearOfStudy,
  modalities: role === 'mentor' ? ['in_person', 'virtual'] : ['virtual'],
  activeMentorships: userId === 't1' ? 2 : 0,
  createdAt: '2026-02-02T09:00:00.000Z',
});
const enrollments = [
  enrolment('m1', 'Zahra Karimi', 'mentee', 1),
  enrolment('m2', 'Arash Novak', 'mentee', 2),
  enrolment('m3', 'Leila Haddad', 'mentee', 1),
  enrolment('t1', 'Sara Ahmadi', 'mentor', 4),
  enrolment('t2', 'Omid Jafari', 'mentor', 3),
];

const run: MatchingRunResponse = {
  id: 'run-1',
  programId: 'p1',
  algorithm: 'optimal',
  status: 'preview',
  createdAt: '2026-03-01T10:00:00.000Z',
  committedAt: null,
  assignments: [
    {
      menteeId: 'm1',
      mentorId: 't2',
      score: 8,
      reasons: ['mentor in year 3, mentee in year 1'],
      reasonDetails: [{ code: 'year_gap', params: { mentorYear: 3, menteeYear: 1, points: 2 }, text: 'mentor in year 3, mentee in year 1' }],
      menteeName: 'Zahra Karimi',
      mentorName: 'Omid Jafari',
    },
    {
      menteeId: 'm2',
      mentorId: 't1',
      score: 15,
      reasons: ['both interested in cardiology', 'both speak Persian'],
      reasonDetails: [
        { code: 'shared_interest', params: { interest: 'cardiology', points: 3 }, text: 'both interested in cardiology' },
        { code: 'shared_language', params: { language: 'Persian', points: 2 }, text: 'both speak Persian' },
      ],
      menteeName: 'Arash Novak',
      mentorName: 'Sara Ahmadi',
    },
  ],
  unmatchedMenteeIds: ['m3'],
  unmatched: [{ menteeId: 'm3', menteeName: 'Leila Haddad', reason: 'eligible_mentors_full' }],
  stats: { mentees: 3, mentors: 2, eligiblePairs: 5, matched: 2, matchRate: 0.6667, meanScore: 11.5, totalScore: 23 },
  certificate: { method: 'lp_duality', verified: true },
  weights: { ...DEFAULT_MATCHING_WEIGHTS },
  blockingPairs: null,
  durationMs: 1530,
};

const mentorship = (id: string, menteeId: string, mentorId: string, menteeName: string, mentorName: string): MentorshipResponse => ({
  id,
  programId: 'p1',
  menteeId,
  mentorId,
  status: 'active',
  menteeName,
  mentorName,
  createdAt: '2026-03-01T10:05:00.000Z',
  endedAt: null,
  endedReason: null,
  startedOn: '2026-03-01',
});

/** Weights a coordinator chose for this program on an earlier run. */
const customWeights: MatchingWeights = { sharedInterest: 10, sharedLanguage: 0, sameCampus: 4, modalityBoth: 1, yearGapIdeal: 7 };

/** A fake API whose runs and mentorships change as the page posts to it. */
function fakeApi(options: { commit?: () => Response; createMentorship?: () => Response; holdRun?: Promise<void>; runs?: MatchingRunResponse[] } = {}) {
  let runs: MatchingRunResponse[] = options.runs ?? [];
  let mentorships: MentorshipResponse[] = [];
  const api = stubApi(async ({ method, path, body }) => {
    if (method === 'GET' && path === '/programs/p1') return json(program);
    if (method === 'GET' && path === '/programs/p1/enrollments') return json(enrollments);
    if (method === 'GET' && path === '/programs/p1/matching-runs') return json(runs);
    if (method === 'POST' && path === '/programs/p1/matching-runs') {
      await options.holdRun;
      const request = body as CreateMatchingRunRequest;
      const created: MatchingRunResponse = { ...run, id: `run-${runs.length + 1}`, algorithm: request.algorithm, weights: { ...DEFAULT_MATCHING_WEIGHTS, ...request.weights } };
      runs = [created, ...runs];
      return json(created, 201);
    }
    if (method === 'POST' && path.startsWith('/programs/p1/matching-runs/') && path.endsWith('/commit')) {
      if (options.commit) return options.commit();
      mentorships = [mentorship('ms1', 'm2', 't1', 'Arash Novak', 'Sara Ahmadi'), mentorship('ms2', 'm1', 't2', 'Zahra Karimi', 'Omid Jafari')];
      runs = runs.map((r, i) => (i === 0 ? { ...r, status: 'committed', committedAt: '2026-03-01T10:05:00.000Z' } : r));
      return json({ mentorships: mentorships.map(({ id, menteeId, mentorId }) => ({ id, menteeId, mentorId })) }, 201);
    }
    if (method === 'GET' && path === '/programs/p1/mentorships') return json(mentorships);
    if (method === 'POST' && path === '/programs/p1/mentorships') return options.createMentorship?.();
    if (method === 'GET' && path === '/programs/p1/exclusions') return json([]);
    return undefined;
  });
  return api;
}

const renderPage = (language: 'en' | 'fa' = 'en') =>
  renderWithProviders(
    <Routes>
      <Route path="/programs/:programId/matching" element={<MatchingPage />} />
    </Routes>,
    { route: '/programs/p1/matching', language },
  );

const weightInput = (label: string): HTMLInputElement => screen.getByLabelText(label);
const postedRuns = (api: ReturnType<typeof fakeApi>): unknown[] => api.calls('POST', '/programs/p1/matching-runs').map((call) => call.body);
/** What assistive technology reads after an input's label: its hint and, when there is one, its error. */
const descriptionOf = (input: HTMLElement): string =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

const previewRows = (): HTMLElement[] => within(screen.getByTestId('preview-table')).getAllByTestId('preview-row');
const firstCells = (): string[] => previewRows().map((row) => row.querySelector('th')?.textContent ?? '');

describe('MatchingPage', () => {
  it('runs the chosen algorithm and shows the preview with summary, translated reasons and the unmatched mentee', async () => {
    const api = fakeApi();
    await renderPage();

    fireEvent.click(await screen.findByRole('button', { name: 'Run matching' }));

    const table = await screen.findByTestId('preview-table');
    expect(api.calls('POST', '/programs/p1/matching-runs')[0]?.body).toEqual({ algorithm: 'optimal', weights: DEFAULT_MATCHING_WEIGHTS });
    // Best score first by default.
    expect(firstCells()).toEqual(['Arash Novak', 'Zahra Karimi']);
    expect(within(table).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'both interested in cardiology (+3 points)',
      'both speak Persian (+2 points)',
      'mentor in year 3, mentee in year 1 (+2 points)',
    ]);
    const summary = screen.getByTestId('run-summary');
    expect(within(summary).getByTestId('summary-matched').textContent).toBe('2 of 3 mentees');
    expect(within(summary).getByTestId('summary-match-rate').textContent).toBe('66.7%');
    expect(summary.textContent).toContain('11.5');
    expect(summary.textContent).toContain('1.5 s');
    expect(screen.getByTestId('proven-optimal').textContent).toBe('Proven optimal');
    expect(screen.getByTestId('unmatched-list').textContent).toBe('Leila Haddad, every mentor who meets the rules is already at capacity');
    expect(screen.getByTestId('run-status').textContent).toBe('Preview');
    expect(within(summary).getByTestId('summary-weights').textContent).toBe('Score weights: interests 3 · languages 2 · campus 2 · both ways 1 · year gap 1 (the defaults)');
  });

  it('keeps the score weights in a closed disclosure, each box labelled and explained', async () => {
    fakeApi();
    await renderPage();
    await screen.findByTestId('run-matching');

    const disclosure = screen.getByTestId('weights-disclosure');
    expect(disclosure.tagName).toBe('DETAILS');
    expect((disclosure as HTMLDetailsElement).open).toBe(false);
    expect(disclosure.querySelector('summary')?.textContent).toBe('Adjust score weights');
    expect(within(disclosure).getByRole('group', { name: 'Score weights' })).toBeTruthy();
    const interests = weightInput('Shared interests');
    expect(interests.type).toBe('number');
    expect(interests.value).toBe('3');
    expect(descriptionOf(interests)).toBe('Points for each interest both list.');
    expect(weightInput('Year gap').value).toBe('1');
    expect(screen.queryByTestId('weights-custom')).toBeNull();
  });

  it('sends the weights with the run and shows them in the run summary', async () => {
    const api = fakeApi();
    await renderPage();
    await screen.findByTestId('run-matching');

    fireEvent.change(weightInput('Shared interests'), { target: { value: '5' } });
    fireEvent.change(weightInput('Year gap'), { target: { value: '0' } });
    expect(screen.getByTestId('weights-custom').textContent).toBe('Custom');
    fireEvent.click(screen.getByRole('button', { name: 'Run matching' }));

    const summary = await screen.findByTestId('summary-weights');
    expect(postedRuns(api)).toEqual([{ algorithm: 'optimal', weights: { sharedInterest: 5, sharedLanguage: 2, sameCampus: 2, modalityBoth: 1, yearGapIdeal: 0 } }]);
    expect(summary.textContent).toBe('Score weights: interests 5 · languages 2 · campus 2 · both ways 1 · year gap 0');
  });

  it("starts from the weights of the program's latest run", async () => {
    const api = fakeApi({ runs: [{ ...run, weights: customWeights }] });
    await renderPage();
    await screen.findByTestId('preview-table');

    await waitFor(() => expect(weightInput('Shared interests').value).toBe('10'));
    expect(weightInput('Shared languages').value).toBe('0');
    expect(weightInput('Same campus').value).toBe('4');
    expect(weightInput('Both ways to meet').value).toBe('1');
    expect(weightInput('Year gap').value).toBe('7');
    expect(screen.getByTestId('weights-custom')).toBeTruthy();
    expect(screen.getByTestId('summary-weights').textContent).toBe('Score weights: interests 10 · languages 0 · campus 4 · both ways 1 · year gap 7');

    fireEvent.click(screen.getByRole('button', { name: 'Run matching' }));
    await waitFor(() => expect(postedRuns(api)).toEqual([{ algorithm: 'optimal', weights: customWeights }]));
  });

  it.each([
    ['1001', 'above the maximum'],
    ['-1', 'negative'],
    ['1.5', 'not whole'],
    ['', 'empty'],
  ])('refuses a weight of "%s" (%s) with a message linked to the box, and sends nothing', async (value) => {
    const api = fakeApi();
    await renderPage();
    await screen.findByTestId('run-matching');

    fireEvent.change(weightInput('Same campus'), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Run matching' }));

    const error = await screen.findByText('Enter a whole number from 0 to 1,000.');
    expect(error.getAttribute('role')).toBe('alert');
    const campus = weightInput('Same campus');
    expect(campus.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(campus)).toBe('Points once when both give the same campus. | Enter a whole number from 0 to 1,000.');
    // The disclosure opens, so the mistake is visible and its box can take focus.
    expect((screen.getByTestId('weights-disclosure') as HTMLDetailsElement).open).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(campus));
    expect(weightInput('Shared interests').hasAttribute('aria-invalid')).toBe(false);
    expect(postedRuns(api)).toEqual([]);

    fireEvent.change(campus, { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run matching' }));
    await waitFor(() => expect(postedRuns(api)).toEqual([{ algorithm: 'optimal', weights: { ...DEFAULT_MATCHING_WEIGHTS, sameCampus: 6 } }]));
    expect(screen.queryByText('Enter a whole number from 0 to 1,000.')).toBeNull();
  });

  it('resets the weights to the defaults', async () => {
    const api = fakeApi({ runs: [{ ...run, weights: customWeights }] });
    await renderPage();
    await waitFor(() => expect(weightInput('Shared interests').value).toBe('10'));

    fireEvent.change(weightInput('Shared languages'), { target: { value: '-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run matching' }));
    await screen.findByText('Enter a whole number from 0 to 1,000.');

    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(screen.queryByText('Enter a whole number from 0 to 1,000.')).toBeNull();
    expect(['Shared interests', 'Shared languages', 'Same campus', 'Both ways to meet', 'Year gap'].map((label) => weightInput(label).value)).toEqual(['3', '2', '2', '1', '1']);
    expect(screen.queryByTestId('weights-custom')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Run matching' }));
    await waitFor(() => expect(postedRuns(api)).toEqual([{ algorithm: 'optimal', weights: DEFAULT_MATCHING_WEIGHTS }]));
  });

  it("runs a stale preview again with that run's own algorithm and weights", async () => {
    const api = fakeApi({ runs: [{ ...run, algorithm: 'stable', status: 'stale', weights: customWeights }] });
    await renderPage();
    const conflict = await screen.findByTestId('commit-conflict');
    await waitFor(() => expect(weightInput('Shared interests').value).toBe('10'));
    // What is in the form does not matter: "run again" repeats the preview as it was.
    fireEvent.change(weightInput('Shared interests'), { target: { value: '1' } });

    fireEvent.click(within(conflict).getByRole('button', { name: 'Run the matching again' }));

    await waitFor(() => expect(postedRuns(api)).toEqual([{ algorithm: 'stable', weights: customWeights }]));
    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toBe('Preview'));
    expect(weightInput('Shared interests').value).toBe('10');
    expect((screen.getByLabelText('Stable') as HTMLInputElement).checked).toBe(true);
  });

  it('sorts the preview by a column with a keyboard-operable button and reports the order with aria-sort', async () => {
    fakeApi();
    await renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Run matching' }));
    await screen.findByTestId('preview-table');

    const menteeButton = screen.getByRole('button', { name: /Mentee/ });
    expect(menteeButton.tagName).toBe('BUTTON');
    fireEvent.click(menteeButton);
    expect(menteeButton.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('button', { name: /Score/ }).closest('th')?.hasAttribute('aria-sort')).toBe(false);
    expect(firstCells()).toEqual(['Arash Novak', 'Zahra Karimi']);

    fireEvent.click(menteeButton);
    expect(menteeButton.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    expect(firstCells()).toEqual(['Zahra Karimi', 'Arash Novak']);
  });

  it('shows a busy state with elapsed seconds while a long run is computed', async () => {
    const hold = deferred<void>();
    fakeApi({ holdRun: hold.promise });
    await renderPage();
    fireEvent.click(await screen.findByLabelText('Stable'));
    fireEvent.click(screen.getByRole('button', { name: 'Run matching' }));

    const busy = await screen.findByTestId('run-busy');
    expect(within(busy).getByRole('status').textContent).toBe('Running the Stable matching…');
    expect(busy.textContent).toContain('0 seconds so far');
    expect((screen.getByRole('button', { name: 'Running…' }) as HTMLButtonElement).disabled).toBe(true);

    hold.resolve();
    await screen.findByTestId('preview-table');
    expect(screen.queryByTestId('run-busy')).toBeNull();
  });

  it('asks before committing, then lists the new mentorships', async () => {
    const api = fakeApi();
    await renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Run matching' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Commit 2 pairs' }));

    // Nothing is sent until the coordinator confirms.
    expect(screen.getByTestId('commit-confirm').textContent).toContain('Create 2 mentorships from this preview?');
    expect(api.requests.some((r) => r.path.endsWith('/commit'))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, create 2 mentorships' }));

    expect((await screen.findByText('2 mentorships were created.')).getAttribute('role')).toBe('status');
    expect(api.calls('POST', '/programs/p1/matching-runs/run-1/commit')).toHaveLength(1);
    const table = await screen.findByTestId('mentorship-table');
    await waitFor(() => expect(within(table).getAllByTestId('mentorship-row')).toHaveLength(2));
    expect(table.textContent).toContain('Sara Ahmadi');
  });

  it('given the preview went stale, then committing explains why and offers to run the matching again', async () => {
    const api = fakeApi({
      commit: () => apiError({ statusCode: 409, error: 'Conflict', message: 'Enrolments … changed since this preview; run the matching again', code: 'RUN_STALE' }),
    });
    await renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Run matching' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Commit 2 pairs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, create 2 mentorships' }));

    const conflict = await screen.findByTestId('commit-conflict');
    expect(conflict.textContent).toContain('Something changed since this preview was made');
    fireEvent.click(within(conflict).getByRole('button', { name: 'Run the matching again' }));

    await waitFor(() => expect(api.calls('POST', '/programs/p1/matching-runs')).toHaveLength(2));
    expect(api.calls('POST', '/programs/p1/matching-runs')[1]?.body).toEqual({ algorithm: 'optimal', weights: DEFAULT_MATCHING_WEIGHTS });
    await waitFor(() => expect(screen.queryByTestId('commit-conflict')).toBeNull());
    expect(screen.getByRole('button', { name: 'Commit 2 pairs' })).toBeTruthy();
  });

  it('lists each mentor in full with year, ways to meet and load', async () => {
    fakeApi();
    await renderPage();
    const choices = await screen.findAllByTestId('mentor-choice');
    expect(choices.map((choice) => choice.textContent)).toEqual([
      'Omid Jafariyear 3 · In person, Virtual · 0 of 2 mentees',
      'Sara Ahmadiyear 4 · In person, Virtual · 2 of 2 mentees Full',
    ]);
  });

  it('given a full mentor, then the manual match names the rule it broke', async () => {
    const api = fakeApi({
      createMentorship: () =>
        apiError({ statusCode: 409, error: 'Conflict', message: 'This mentor already has 2 mentee(s), their capacity', code: 'MENTOR_FULL', rule: 'capacity', capacity: 2 } as ApiErrorBody),
    });
    await renderPage();
    const form = await screen.findByTestId('manual-match-form');
    fireEvent.change(await within(form).findByLabelText('Mentee'), { target: { value: 'm3' } });
    fireEvent.click(within(form).getByRole('radio', { name: /Sara Ahmadi/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create mentorship' }));

    expect((await within(form).findByRole('alert')).textContent).toBe(
      'This mentor already has 2 mentees, their capacity. Raise the capacity on the program page, or choose another mentor.',
    );
    expect(api.calls('POST', '/programs/p1/mentorships')[0]?.body).toEqual({ menteeId: 'm3', mentorId: 't1' });
  });

  it('in Persian, shows the reasons and numbers in Persian', async () => {
    fakeApi();
    await renderPage('fa');
    fireEvent.click(await screen.findByRole('button', { name: 'اجرای جفت‌سازی' }));
    const table = await screen.findByTestId('preview-table');
    expect(table.textContent).toContain('هر دو به cardiology علاقه دارند');
    expect(table.textContent).toContain('منتور در سال ۳، منتی در سال ۱');
    expect(screen.getByTestId('summary-matched').textContent).toBe('۲ از ۳ منتی');
    expect(table.textContent).not.toMatch(/both|mentor in year/);
    expect(screen.getByTestId('summary-weights').textContent).toBe('وزن‌های امتیاز: علاقه‌ها ۳ · زبان‌ها ۲ · پردیس ۲ · هر دو شیوه ۱ · فاصلهٔ سال ۱ (پیش‌فرض)');
  });

  it('in Persian, names the year rule with Persian digits', async () => {
    fakeApi({
      createMentorship: () =>
        apiError({ statusCode: 400, error: 'Bad Request', message: 'rule', code: 'NOT_ELIGIBLE', rule: 'year', mentorYear: 2, menteeYear: 2 } as ApiErrorBody),
    });
    await renderPage('fa');
    const form = await screen.findByTestId('manual-match-form');
    fireEvent.change(await within(form).findByLabelText('منتی'), { target: { value: 'm3' } });
    fireEvent.click(within(form).getByRole('radio', { name: /Omid Jafari/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'ساخت رابطهٔ منتورینگ' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('منتور باید در سال تحصیلی بالاتری از منتی باشد: منتور سال ۲ است و منتی سال ۲.');
  });

  it('in Persian, explains a refused weight with Persian digits', async () => {
    fakeApi();
    await renderPage('fa');
    fireEvent.change(await screen.findByLabelText('علاقه‌های مشترک'), { target: { value: '1001' } });
    fireEvent.click(screen.getByRole('button', { name: 'اجرای جفت‌سازی' }));
    expect((await screen.findByRole('alert')).textContent).toBe('یک عدد صحیح از ۰ تا ۱٬۰۰۰ وارد کنید.');
  });
});
