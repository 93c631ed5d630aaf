import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutcomeGroup, OutcomesResponse, ProgramResponse } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { OutcomesPage } from './outcomes-page';

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

const EMPTY_GROUP: OutcomeGroup = { n: 0, preMean: null, postMean: null, meanChange: null, sdChange: null, ci95: null, cohensDz: null, tStatistic: null, pValue: null };

const NO_ESTIMATE = { estimate: null, ci95: null, pValue: null, n: 0, standardError: null, df: null };

const outcomes: OutcomesResponse = {
  adjusted: { estimate: 5.9, ci95: [1.4, 10.4] as [number, number], pValue: 0.011, n: 64, standardError: 2.25, df: 61 },
  adjustedByModality: { in_person: NO_ESTIMATE, virtual: NO_ESTIMATE },
  doseResponse: { slope: null, ci95: null, pValue: null, n: 0, intercept: null, points: [] },
  mentored: { n: 24, preMean: 61.25, postMean: 68.5, meanChange: 7.25, sdChange: 8.1, ci95: [3.83, 10.67], cohensDz: 0.895, tStatistic: 4.385, pValue: 0.000213 },
  comparison: { n: 40, preMean: 62, postMean: 63.1, meanChange: 1.1, sdChange: 9.4, ci95: [-1.91, 4.11], cohensDz: 0.117, tStatistic: 0.74, pValue: 0.4636 },
  difference: { estimate: 6.15, ci95: [1.62, 10.68], pValue: 0.0089 },
  byModality: { in_person: { ...EMPTY_GROUP, n: 1, preMean: 55, postMean: 70, meanChange: 15 }, virtual: EMPTY_GROUP },
  changes: { mentored: [7, 9, -2, 12, 5], comparison: [1, 0, -3, 4] },
  effectSize: { cohensDz: 0.895, reading: 'large' },
  passRates: { passMarkPercent: 60, mentored: { pre: 0.5, post: 0.75 }, comparison: { pre: 0.55, post: null } },
  sessionsVsChange: { n: 24, r: 0.42, pValue: 0.041, ci95: [0.02, 0.71] },
  health: {
    enrolledMentees: 30,
    matchedMentees: 24,
    matchRate: 0.8,
    sessionsPerWeek: [
      { weekStart: '2026-03-02', in_person: 3, virtual: 1 },
      { weekStart: '2026-03-09', in_person: 2, virtual: 4 },
    ],
    pairsWithoutRecentSession: [
      { mentorshipId: 'm1', menteeName: 'Mina Entee', mentorName: 'Omid Mentor', lastSessionAt: '2026-02-10T09:00:00.000Z' },
      { mentorshipId: 'm2', menteeName: 'Sara Quiet', mentorName: 'Reza Busy', lastSessionAt: null },
    ],
  },
  startsOn: '2026-03-21',
  records: 256,
  windows: {
    mentored: { preBefore: '2026-03-21', postFrom: { earliest: '2026-03-21', latest: '2026-04-10' }, students: 24, postRecords: 60, recordsInNeither: 7, studentsWithoutPostAfterStart: 0 },
    comparison: { preBefore: '2026-03-21', postFrom: { earliest: '2026-03-21', latest: '2026-03-21' }, students: 40, postRecords: 90, recordsInNeither: 0, studentsWithoutPostAfterStart: 0 },
  },
};

function fakeApi(result: OutcomesResponse) {
  return stubApi(({ method, path }) => {
    if (method === 'GET' && path === '/programs/p1') return json(program);
    if (method === 'GET' && path === '/programs/p1/outcomes') return json(result);
    return undefined;
  });
}

const renderPage = (language: 'en' | 'fa' = 'en') =>
  renderWithProviders(
    <Routes>
      <Route path="/programs/:programId/outcomes" element={<OutcomesPage />} />
    </Routes>,
    { route: '/programs/p1/outcomes', language },
  );

const cells = (row: HTMLElement): string[] => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '');

/** A stand-in for XMLHttpRequest whose upload the test drives step by step. */
class ControlledRequest {
  static last: ControlledRequest | null = null;
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null; onload: (() => void) | null } = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  headers: Record<string, string> = {};
  url = '';
  body: Blob | null = null;
  open(_method: string, url: string): void {
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  getResponseHeader(): string | null {
    return null;
  }
  abort(): void {
    this.onabort?.();
  }
  send(body: Blob): void {
    this.body = body;
    ControlledRequest.last = this;
  }
  progress(loaded: number, total: number): void {
    this.upload.onprogress?.(new ProgressEvent('progress', { loaded, total, lengthComputable: true }));
  }
  respond(status: number, body: unknown): void {
    this.upload.onload?.();
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

describe('OutcomesPage', () => {
  afterEach(() => {
    ControlledRequest.last = null;
  });

  it('shows both groups with formatted statistics, and "not enough data" instead of missing values', async () => {
    fakeApi(outcomes);
    await renderPage();

    const groups = await screen.findByTestId('outcomes-groups');
    expect(cells(within(groups).getByTestId('outcomes-groups-mentored'))).toEqual(['Mentored', '24', '61.3', '68.5', '+7.25', '3.83 to 10.67', '0.90', '4.39', '< 0.001']);
    expect(cells(within(groups).getByTestId('outcomes-groups-comparison'))).toEqual(['Comparison', '40', '62.0', '63.1', '+1.10', '-1.91 to 4.11', '0.12', '0.74', '0.464']);

    const virtual = within(screen.getByTestId('outcomes-modality')).getByTestId('outcomes-modality-virtual');
    expect(cells(virtual).slice(0, 3)).toEqual(['Virtual', '0', '—not enough data']);
    expect(document.body.textContent).not.toMatch(/NaN|undefined|null/);

    expect(screen.getByTestId('difference').textContent).toContain('+6.15');
    expect(screen.getByTestId('difference').textContent).toContain('0.009');
    expect(screen.getByTestId('effect-reading').textContent).toBe('A large improvement within the mentored group, compared with how much individual changes vary.');
    expect(screen.getByTestId('effect-size').textContent).toContain('does not show that mentoring caused it');
    expect(cells(within(screen.getByTestId('pass-rates')).getAllByRole('row')[2] as HTMLElement)).toEqual(['Comparison', '55.0%', '—not enough data']);
  });

  it('draws the charts, each with a table of its numbers for screen readers', async () => {
    fakeApi(outcomes);
    await renderPage();

    const meanChange = await screen.findByTestId('chart-mean-change');
    expect(meanChange.querySelector('svg')).not.toBeNull();
    expect(meanChange.querySelector('[aria-hidden="true"] svg')).not.toBeNull();
    expect(within(meanChange).getByRole('table').textContent).toContain('3.83 to 10.67');

    const distribution = screen.getByTestId('chart-distribution');
    expect(distribution.querySelector('svg')).not.toBeNull();
    const rows = within(within(distribution).getByRole('table')).getAllByRole('row').slice(1);
    // Changes -3..12 over 12 bins → width 2; the mentored -2 falls in "-2 to 0", 1 of 5 students.
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toContain('-2 to 0');
    const minusTwo = rows.find((row) => row.querySelector('th')?.textContent === '-2 to 0');
    expect(minusTwo && cells(minusTwo)).toEqual(['-2 to 0', '1 student (20%)', '0 students (0%)']);
  });

  it('shows the program health: match rate, sessions per week with a table, and how many pairs went quiet, pointing to the board', async () => {
    fakeApi(outcomes);
    await renderPage();
    const health = await screen.findByTestId('program-health');
    expect(within(health).getByTestId('match-rate').textContent).toBe('80%');
    expect(health.textContent).toContain('24 of 30 enrolled');
    const chart = within(health).getByTestId('sessions-per-week');
    expect(chart.querySelector('[aria-hidden="true"] svg')).not.toBeNull();
    const rows = within(within(chart).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map(cells)).toEqual([
      ['2 Mar 2026', '3', '1'],
      ['9 Mar 2026', '2', '4'],
    ]);
    // The quiet pairs themselves are listed on the pair-health board; here their count points there.
    expect(within(screen.getByTestId('quiet-pairs')).getByTestId('quiet-count').textContent).toBe('2 active pairs have had no session in 21 days.');
    expect(within(screen.getByTestId('quiet-pairs')).queryByText(/Mina Entee/)).toBeNull();
    expect(within(screen.getByTestId('quiet-pairs')).getByTestId('pair-health-board-link').getAttribute('href')).toMatch(/\/pair-health$/);
  });

  it('reads the link between sessions attended and change in words, or says there is not enough data', async () => {
    fakeApi(outcomes);
    const first = await renderPage();
    const panel = await screen.findByTestId('sessions-vs-change');
    expect(within(panel).getByTestId('sessions-vs-change-reading').textContent).toBe('A moderate positive link: students who attended more sessions tended to improve more.');
    expect(panel.textContent).toContain('0.42');
    expect(panel.textContent).toContain('0.041');
    first.unmount();

    fakeApi({ ...outcomes, sessionsVsChange: { n: 2, r: null, pValue: null, ci95: null } });
    await renderPage();
    const empty = await screen.findByTestId('sessions-vs-change');
    expect(within(empty).getByTestId('sessions-vs-change-reading').textContent).toContain('Not enough data');
    expect(empty.textContent).not.toMatch(/NaN|null/);
  });

  it('given no records yet, then it says so instead of showing empty statistics', async () => {
    fakeApi({ ...outcomes, mentored: EMPTY_GROUP, comparison: EMPTY_GROUP, changes: { mentored: [], comparison: [] }, effectSize: { cohensDz: null, reading: 'none' }, records: 0 });
    await renderPage();
    expect((await screen.findByTestId('outcomes-empty')).textContent).toContain('No assessment results have been imported');
    expect(screen.queryByTestId('outcomes-groups')).toBeNull();
  });

  it('shows which dates count as before and after for each group, and what falls in neither', async () => {
    fakeApi(outcomes);
    await renderPage();
    const window = await screen.findByTestId('exposure-window');
    expect(cells(within(window).getByTestId('window-mentored'))).toEqual(['Mentored', 'Taken before 21 March 2026', "From each student's start: 21 March 2026 to 10 April 2026", '60', '7']);
    expect(cells(within(window).getByTestId('window-comparison'))).toEqual(['Comparison', 'Taken before 21 March 2026', 'Taken on or after 21 March 2026', '90', '0']);
    expect(screen.queryByTestId('window-warning')).toBeNull();
  });

  it('warns when few results fall after matching and when mentees drop out for want of a later result', async () => {
    fakeApi({ ...outcomes, windows: { ...outcomes.windows, mentored: { ...outcomes.windows.mentored, postRecords: 3, studentsWithoutPostAfterStart: 2 } } });
    await renderPage();
    const warning = await screen.findByTestId('window-warning');
    expect(warning.textContent).toContain('Few results fall after matching: 3 for 24 mentored students.');
    expect(warning.textContent).toContain('2 mentored students have no result since their mentoring began');
  });

  it('uploads a file with progress, then a processing state, then the summary', async () => {
    vi.stubGlobal('XMLHttpRequest', ControlledRequest);
    localStorage.clear();
    fakeApi(outcomes);
    await renderPage();

    const file = new File(['student_email,assessment,taken_on,score,max_score\n'], 'grades.csv', { type: 'text/csv' });
    fireEvent.change(await screen.findByLabelText('CSV file'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));

    // First a dry run: nothing stored, the emails that match no account shown before the coordinator confirms.
    await waitFor(() => expect(ControlledRequest.last).not.toBeNull());
    const check = ControlledRequest.last as ControlledRequest;
    expect(check.url).toBe('/api/programs/p1/academic-records/import?dryRun=true');
    check.respond(200, {
      imported: 250,
      updated: 4,
      unchanged: 2,
      rows: 256,
      dryRun: true,
      unknownEmails: [{ email: 'sara.ahmady@uni.example', lines: [4, 9] }],
      unknownEmailCount: 1,
      menteesWithoutRecords: [{ userId: 'u1', fullName: 'Sara Ahmadi', email: 'sara.ahmadi@uni.example' }],
    });
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByTestId('import-unknown-emails').textContent).toContain('sara.ahmady@uni.example');
    expect(within(preview).getByTestId('import-unknown-emails').textContent).toContain('4, 9');
    expect(within(preview).getByTestId('import-mentees-without-records').textContent).toContain('Sara Ahmadi');
    ControlledRequest.last = null as ControlledRequest | null;
    fireEvent.click(within(preview).getByRole('button', { name: 'Import 256 rows' }));

    await waitFor(() => expect(ControlledRequest.last).not.toBeNull());
    const request = ControlledRequest.last as ControlledRequest;
    expect(request.url).toBe('/api/programs/p1/academic-records/import');
    expect(request.headers['Content-Type']).toBe('text/csv');
    expect(request.body).toBe(file);

    request.progress(1000, 4000);
    const bar = (await screen.findByLabelText('Uploading: 25%')) as HTMLProgressElement;
    expect(bar.tagName).toBe('PROGRESS');
    expect(bar.value).toBe(0.25);

    request.upload.onload?.();
    expect((await screen.findByTestId('import-processing')).textContent).toContain('Checking and storing the results…');

    request.respond(200, { imported: 250, updated: 4, unchanged: 2, rows: 256, dryRun: false, unknownEmails: [], unknownEmailCount: 1, menteesWithoutRecords: [] });
    const summary = await screen.findByTestId('import-summary');
    expect(summary.textContent).toContain('Imported 256 lines.');
    expect(summary.textContent).toContain('250 new, 4 corrected, 2 already stored.');
    // A check and an import: two round trips through the upload client.
  }, 20_000);

  it('given a file with bad lines, then every rejected line is listed and nothing is said to be imported', async () => {
    vi.stubGlobal('XMLHttpRequest', ControlledRequest);
    fakeApi(outcomes);
    await renderPage();

    fireEvent.change(await screen.findByLabelText('CSV file'), { target: { files: [new File(['x'], 'bad.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    await waitFor(() => expect(ControlledRequest.last).not.toBeNull());
    ControlledRequest.last?.respond(422, {
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: '2 line(s) of the file are not valid; nothing was imported',
      code: 'IMPORT_REJECTED',
      rejected: [
        { line: 3, error: 'student_email is not a valid email address' },
        { line: 9, error: 'taken_on must be a date as YYYY-MM-DD' },
        { line: 12, error: 'student_email belongs to a staff account (coordinator or admin), not a student', code: 'staff_account' },
      ],
    });

    const rejected = await screen.findByTestId('import-rejected');
    expect(rejected.textContent).toContain('3 lines of the file are not valid, so nothing was imported.');
    const rows = within(screen.getByTestId('rejected-table')).getAllByRole('row').slice(1);
    expect(rows.map(cells)).toEqual([
      ['3', 'student_email is not a valid email address'],
      ['9', 'taken_on must be a date as YYYY-MM-DD'],
      ['12', 'This email belongs to a coordinator or administrator account, not a student. Staff have no grades: remove the line or correct the email.'],
    ]);
    expect(screen.queryByTestId('import-summary')).toBeNull();
  });

  it('asks for a file before sending anything', async () => {
    vi.stubGlobal('XMLHttpRequest', ControlledRequest);
    fakeApi(outcomes);
    await renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Check the file' }));
    expect((await screen.findByText('Choose a CSV file to import.')).getAttribute('role')).toBe('alert');
    expect(ControlledRequest.last).toBeNull();
  });

  it('in Persian, writes the statistics with Persian digits', async () => {
    fakeApi(outcomes);
    await renderPage('fa');
    const groups = await screen.findByTestId('outcomes-groups');
    expect(cells(within(groups).getByTestId('outcomes-groups-mentored')).slice(0, 5)).toEqual(['دارای منتور', '۲۴', '۶۱٫۳', '۶۸٫۵', '‎+۷٫۲۵']);
  });
});
