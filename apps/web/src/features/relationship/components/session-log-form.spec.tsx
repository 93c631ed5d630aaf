import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgreementGoal, SessionLogForPair, SessionLogRequest } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { SessionLogForm } from './session-log-form';

const goals: AgreementGoal[] = [
  { id: 'g1', text: 'Pass anatomy', achievedAt: null },
  { id: 'g2', text: 'Read one paper a week', achievedAt: '2030-04-01T12:00:00.000Z' },
];

const LOG_PATH = '/sessions/s1/log';

function fakeApi() {
  return stubApi(({ method, path, body }) => {
    if (method === 'PUT' && path === LOG_PATH) {
      const sent = body as SessionLogRequest;
      const saved: SessionLogForPair = { topics: sent.topics, minutes: sent.minutes, note: sent.note ?? null, goalId: sent.goalId ?? null, loggedAt: '2030-05-10T12:00:00.000Z' };
      return json(saved);
    }
    return undefined;
  });
}

const renderForm = (existing: SessionLogForPair | null = null, language: 'en' | 'fa' = 'en') =>
  renderWithProviders(<SessionLogForm sessionId="s1" defaultMinutes={45} existing={existing} goals={goals} />, { route: '/sessions/s1/log', language });

const minutes = (): HTMLInputElement => screen.getByLabelText('Minutes') as HTMLInputElement;

describe('SessionLogForm', () => {
  it('saves the ticked topics, the minutes, the trimmed note and a goal reached', async () => {
    const api = fakeApi();
    await renderForm();
    // Pre-filled with the session's length.
    expect(minutes().value).toBe('45');

    fireEvent.click(screen.getByLabelText('Exams'));
    fireEvent.click(screen.getByLabelText('Wellbeing'));
    fireEvent.change(minutes(), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText('Private note (optional)'), { target: { value: '  Talked about <b>stress</b>  ' } });
    // Only a goal not yet reached can be marked reached.
    const goal = screen.getByLabelText('Progress on a goal (optional)') as HTMLSelectElement;
    expect([...goal.options].map((o) => o.textContent)).toEqual([
      'No particular goal',
      'Worked on: Pass anatomy',
      'Worked on: Read one paper a week',
      'Reached: Pass anatomy',
    ]);
    fireEvent.change(goal, { target: { value: 'achieved:g1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the log' }));

    await waitFor(() =>
      expect(api.calls('PUT', LOG_PATH).map((r) => r.body)).toEqual([{ topics: ['exams', 'wellbeing'], minutes: 50, note: 'Talked about <b>stress</b>', goalId: 'g1', goalAchieved: true }]),
    );
    expect((await screen.findByRole('status')).textContent).toBe('Saved. Thank you!');
  });

  it('sends no note and no goal when they are left empty, and does not mark a goal only worked on as reached', async () => {
    const api = fakeApi();
    await renderForm();
    fireEvent.click(screen.getByLabelText('Research'));
    fireEvent.change(screen.getByLabelText('Private note (optional)'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the log' }));
    await waitFor(() => expect(api.calls('PUT', LOG_PATH).map((r) => r.body)).toEqual([{ topics: ['research'], minutes: 45, note: null, goalId: null }]));

    fireEvent.change(screen.getByLabelText('Progress on a goal (optional)'), { target: { value: 'g2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the log' }));
    await waitFor(() => expect(api.calls('PUT', LOG_PATH)).toHaveLength(2));
    expect(api.calls('PUT', LOG_PATH)[1]?.body).toEqual({ topics: ['research'], minutes: 45, note: null, goalId: 'g2' });
  });

  it.each(['0', '601', '12.5', ''])('refuses %j minutes with a message and sends nothing', async (value) => {
    const api = fakeApi();
    await renderForm();
    fireEvent.click(screen.getByLabelText('Exams'));
    fireEvent.change(minutes(), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the log' }));
    const message = value === '' ? 'This field is required.' : 'Enter a whole number of minutes from 1 to 600.';
    expect((await screen.findByText(message)).getAttribute('role')).toBe('alert');
    expect(minutes().getAttribute('aria-invalid')).toBe('true');
    expect(api.requests).toEqual([]);
  });

  it('accepts the bounds, 1 and 600 minutes', async () => {
    const api = fakeApi();
    await renderForm();
    fireEvent.click(screen.getByLabelText('Career'));
    fireEvent.change(minutes(), { target: { value: '600' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the log' }));
    await waitFor(() => expect(api.calls('PUT', LOG_PATH).map((r) => (r.body as SessionLogRequest).minutes)).toEqual([600]));
    fireEvent.change(minutes(), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the log' }));
    await waitFor(() => expect(api.calls('PUT', LOG_PATH).map((r) => (r.body as SessionLogRequest).minutes)).toEqual([600, 1]));
  });

  it('asks for at least one topic before sending', async () => {
    const api = fakeApi();
    await renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Save the log' }));
    expect((await screen.findByText('Tick at least one topic.')).getAttribute('role')).toBe('alert');
    expect(api.requests).toEqual([]);
  });

  it('starts from an existing log, and saves it unchanged', async () => {
    const api = fakeApi();
    await renderForm({ topics: ['study_skills'], minutes: 30, note: 'Flashcards', goalId: 'g2', loggedAt: '2030-05-10T12:00:00.000Z' });
    expect((screen.getByLabelText('Study skills') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Exams') as HTMLInputElement).checked).toBe(false);
    expect(minutes().value).toBe('30');
    expect((screen.getByLabelText('Private note (optional)') as HTMLTextAreaElement).value).toBe('Flashcards');
    expect((screen.getByLabelText('Progress on a goal (optional)') as HTMLSelectElement).value).toBe('g2');
    fireEvent.click(screen.getByRole('button', { name: 'Save the log' }));
    await waitFor(() => expect(api.calls('PUT', LOG_PATH).map((r) => r.body)).toEqual([{ topics: ['study_skills'], minutes: 30, note: 'Flashcards', goalId: 'g2' }]));
  });

  it('in Persian, labels the topics and refuses out-of-range minutes in Persian', async () => {
    const api = fakeApi();
    await renderForm(null, 'fa');
    fireEvent.click(screen.getByLabelText('امتحان‌ها'));
    fireEvent.change(screen.getByLabelText('مدت (دقیقه)'), { target: { value: '601' } });
    fireEvent.click(screen.getByRole('button', { name: 'ذخیرهٔ گزارش' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^عددی صحیح از ۱ تا/);
    expect(api.requests).toEqual([]);
  });
});
