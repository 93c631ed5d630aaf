import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CheckInRequest, CheckInResponse } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { CheckInCard } from './check-in-card';

const PATH = '/mentorships/m1/check-ins';

function fakeApi() {
  return stubApi(({ method, path, body }) => {
    if (method === 'POST' && path === PATH) {
      const sent = body as CheckInRequest;
      const saved: CheckInResponse = { id: 'c1', mentorshipId: 'm1', rating: sent.rating, comment: sent.comment ?? null, createdAt: '2030-05-10T12:00:00.000Z' };
      return json(saved, 201);
    }
    if (method === 'GET' && path === '/me/check-ins/due') return json([]);
    return undefined;
  });
}

describe('CheckInCard', () => {
  it('says the answer goes to the coordinators only, and asks when one is due', async () => {
    fakeApi();
    await renderWithProviders(<CheckInCard mentorshipId="m1" due />);
    expect(screen.getByText('Your answer goes to the program’s coordinators only. Your mentor does not see it.')).toBeTruthy();
    expect(screen.getByText('It has been a month: tell your coordinators how it is going.')).toBeTruthy();
    expect(screen.getAllByRole('radio')).toHaveLength(5);
  });

  it('does not nag when no check-in is due', async () => {
    fakeApi();
    await renderWithProviders(<CheckInCard mentorshipId="m1" due={false} />);
    expect(screen.queryByText('It has been a month: tell your coordinators how it is going.')).toBeNull();
  });

  it('sends the rating as a number with the trimmed comment, then thanks and clears the form', async () => {
    const api = fakeApi();
    await renderWithProviders(<CheckInCard mentorshipId="m1" due />);
    fireEvent.click(screen.getByRole('radio', { name: '2 · Not well' }));
    fireEvent.change(screen.getByLabelText('Anything to add? (optional)'), { target: { value: '  We rarely meet.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(api.calls('POST', PATH).map((r) => r.body)).toEqual([{ rating: 2, comment: 'We rarely meet.' }]));
    expect((await screen.findByRole('status')).textContent).toBe('Thank you. Your coordinators will read it.');
    await waitFor(() => expect((screen.getByRole('radio', { name: '2 · Not well' }) as HTMLInputElement).checked).toBe(false));
    expect((screen.getByLabelText('Anything to add? (optional)') as HTMLTextAreaElement).value).toBe('');
  });

  it('sends no comment when it is left blank', async () => {
    const api = fakeApi();
    await renderWithProviders(<CheckInCard mentorshipId="m1" due={false} />);
    fireEvent.click(screen.getByRole('radio', { name: '5 · Very well' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(api.calls('POST', PATH).map((r) => r.body)).toEqual([{ rating: 5, comment: null }]));
  });

  it('asks for a rating before sending anything', async () => {
    const api = fakeApi();
    await renderWithProviders(<CheckInCard mentorshipId="m1" due />);
    fireEvent.change(screen.getByLabelText('Anything to add? (optional)'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByText('Pick an answer from 1 to 5.')).getAttribute('role')).toBe('alert');
    expect(api.requests).toEqual([]);
  });

  it('in Persian, numbers the answers with Persian digits and says the mentor does not see it', async () => {
    fakeApi();
    await renderWithProviders(<CheckInCard mentorshipId="m1" due />, { language: 'fa' });
    expect(screen.getByRole('radio', { name: '۱ · بد' })).toBeTruthy();
    expect(screen.getByText(/منتورتان آن را نمی‌بیند/)).toBeTruthy();
  });
});
