import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgreementResponse, UpdateAgreementRequest } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { AgreementCard } from './agreement-card';

const BASE = '/mentorships/m1/agreement';

const blank: AgreementResponse = {
  goals: [],
  meetingsPerMonth: null,
  signedByMentorAt: null,
  signedByMenteeAt: null,
  goalItems: [],
  confidentiality: { en: 'What we say stays between us.', fa: 'آنچه می‌گوییم میان ما می‌ماند.' },
  version: 0,
  updatedAt: null,
  template: {
    goals: { en: ['Pass anatomy', 'Plan the week'], fa: ['قبولی در آناتومی'] },
    meetingsPerMonth: 3,
    confidentiality: { en: 'What we say stays between us.', fa: 'آنچه می‌گوییم میان ما می‌ماند.' },
  },
};

const saved: AgreementResponse = {
  ...blank,
  goals: ['Pass <b>anatomy</b>', 'Plan the week'],
  meetingsPerMonth: 2,
  signedByMenteeAt: '2030-05-10T12:00:00.000Z',
  goalItems: [
    { id: 'g1', text: 'Pass <b>anatomy</b>', achievedAt: null },
    { id: 'g2', text: 'Plan the week', achievedAt: '2030-05-01T12:00:00.000Z' },
  ],
  version: 3,
  updatedAt: '2030-05-09T12:00:00.000Z',
  template: null,
};

/** A fake API that keeps the agreement, so the card read again after a change shows it. */
function fakeApi(initial: AgreementResponse) {
  let agreement = initial;
  return stubApi(({ method, path, body }) => {
    if (method === 'GET' && path === BASE) return json(agreement);
    if (method === 'PUT' && path === BASE) {
      const sent = body as UpdateAgreementRequest;
      agreement = {
        ...agreement,
        goals: sent.goals,
        meetingsPerMonth: sent.meetingsPerMonth,
        goalItems: sent.goals.map((text, i) => ({ id: `g${i + 1}`, text, achievedAt: null })),
        signedByMentorAt: null,
        signedByMenteeAt: null,
        version: agreement.version + 1,
        template: null,
      };
      return json(agreement);
    }
    if (method === 'POST' && path === `${BASE}/sign`) {
      agreement = { ...agreement, signedByMentorAt: '2030-05-11T12:00:00.000Z' };
      return json(agreement);
    }
    if (method === 'PUT' && /^\/mentorships\/m1\/agreement\/goals\/[^/]+\/achieved$/.test(path)) return json(agreement);
    return undefined;
  });
}

describe('AgreementCard', () => {
  it('starts a new agreement from the template, and saves the goals that are filled in with the meetings per month', async () => {
    const api = fakeApi(blank);
    await renderWithProviders(<AgreementCard mentorshipId="m1" myRole="mentee" />);
    const goal1 = (await screen.findByLabelText('Goal 1')) as HTMLInputElement;
    expect(goal1.value).toBe('Pass anatomy');
    expect((screen.getByLabelText('Goal 2') as HTMLInputElement).value).toBe('Plan the week');
    expect((screen.getByLabelText('Meetings per month') as HTMLInputElement).value).toBe('3');

    fireEvent.change(goal1, { target: { value: '  Pass anatomy with 15/20  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a goal' }));
    // A goal left empty is dropped, not saved blank.
    expect((screen.getByLabelText('Goal 3') as HTMLInputElement).value).toBe('');
    fireEvent.change(screen.getByLabelText('Meetings per month'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the agreement' }));

    await waitFor(() => expect(api.calls('PUT', BASE).map((r) => r.body)).toEqual([{ goals: ['Pass anatomy with 15/20', 'Plan the week'], meetingsPerMonth: 4 }]));
    const goals = await screen.findByTestId('agreement-goals');
    expect(goals.textContent).toContain('Pass anatomy with 15/20');
    expect(screen.getByText('We meet 4 times a month.')).toBeTruthy();
  });

  it('removes a goal before saving', async () => {
    const api = fakeApi(blank);
    await renderWithProviders(<AgreementCard mentorshipId="m1" myRole="mentor" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove goal 1' }));
    expect((screen.getByLabelText('Goal 1') as HTMLInputElement).value).toBe('Plan the week');
    expect(screen.queryByLabelText('Goal 2')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save the agreement' }));
    await waitFor(() => expect(api.calls('PUT', BASE).map((r) => r.body)).toEqual([{ goals: ['Plan the week'], meetingsPerMonth: 3 }]));
  });

  it.each(['0', '13'])('refuses %s meetings a month and sends nothing', async (value) => {
    const api = fakeApi(blank);
    await renderWithProviders(<AgreementCard mentorshipId="m1" myRole="mentee" />);
    fireEvent.change(await screen.findByLabelText('Meetings per month'), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the agreement' }));
    expect((await screen.findByText('Enter a whole number from 1 to 12.')).getAttribute('role')).toBe('alert');
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('shows a saved agreement with its signatures, goals as text, and lets the mentor sign this version and mark a goal reached', async () => {
    const api = fakeApi(saved);
    await renderWithProviders(<AgreementCard mentorshipId="m1" myRole="mentor" />);
    const goals = await screen.findByTestId('agreement-goals');
    expect(goals.textContent).toContain('Pass <b>anatomy</b>');
    expect(goals.querySelector('b')).toBeNull();
    expect((within(goals).getByLabelText('Plan the week') as HTMLInputElement).checked).toBe(true);
    expect(within(goals).getByText('Reached')).toBeTruthy();
    expect(screen.getByText('We meet 2 times a month.')).toBeTruthy();
    expect(screen.getByTestId('mentor-signature').textContent).toBe('Not signed yet');
    expect(screen.getByTestId('mentee-signature').textContent).toBe('Signed on 10 May 2030');

    fireEvent.click(within(goals).getByLabelText('Pass <b>anatomy</b>'));
    await waitFor(() => expect(api.calls('PUT', `${BASE}/goals/g1/achieved`).map((r) => r.body)).toEqual([{ achieved: true }]));

    fireEvent.click(screen.getByRole('button', { name: 'Sign the agreement' }));
    await waitFor(() => expect(api.calls('POST', `${BASE}/sign`).map((r) => r.body)).toEqual([{ version: 3 }]));
    await waitFor(() => expect(screen.getByTestId('mentor-signature').textContent).toBe('Signed on 11 May 2030'));
    // Once signed, there is nothing more to sign.
    expect(screen.queryByTestId('sign-agreement')).toBeNull();
  });

  it('shows the mentee who already signed no sign button, and the edit button opens the form with the saved values', async () => {
    fakeApi(saved);
    await renderWithProviders(<AgreementCard mentorshipId="m1" myRole="mentee" />);
    fireEvent.click(await screen.findByTestId('edit-agreement'));
    expect(screen.queryByTestId('sign-agreement')).toBeNull();
    expect((screen.getByLabelText('Goal 1') as HTMLInputElement).value).toBe('Pass <b>anatomy</b>');
    expect((screen.getByLabelText('Meetings per month') as HTMLInputElement).value).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('agreement-form')).toBeNull();
  });

  it('shows a coordinator the agreement read-only, with no form even when it is empty', async () => {
    const api = fakeApi(blank);
    await renderWithProviders(<AgreementCard mentorshipId="m1" myRole="coordinator" />);
    expect(await screen.findByText('No goals yet.')).toBeTruthy();
    expect(screen.queryByTestId('agreement-form')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('in Persian, starts from the Persian goals and shows the Persian statement', async () => {
    fakeApi(blank);
    await renderWithProviders(<AgreementCard mentorshipId="m1" myRole="mentee" />, { language: 'fa' });
    expect(((await screen.findByLabelText(/^هدف/)) as HTMLInputElement).value).toBe('قبولی در آناتومی');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('توافق‌نامهٔ ما');
  });

  it('in Persian, shows the Persian confidentiality statement of a saved agreement', async () => {
    fakeApi(saved);
    await renderWithProviders(<AgreementCard mentorshipId="m1" myRole="coordinator" />, { language: 'fa' });
    expect((await screen.findByText('آنچه می‌گوییم میان ما می‌ماند.')).getAttribute('lang')).toBe('fa');
    expect(screen.queryByText('What we say stays between us.')).toBeNull();
  });
});
