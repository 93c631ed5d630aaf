import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AuthResponse } from '@pm/contracts';
import { SESSION_STORAGE_KEY } from '@web/features/auth/api/session-store';
import { apiError, json, urlOf } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { SignInForm } from './sign-in-form';

function stubFetch(respond: () => Response) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => respond());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function fillAndSubmit(email: string, password: string): void {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  it('given the API refuses the credentials with its own message, then that message is announced', async () => {
    stubFetch(() => apiError({ statusCode: 401, error: 'Unauthorized', message: 'This account is suspended until Monday' }));
    await renderWithProviders(<SignInForm />);

    fillAndSubmit('mentee1@demo.example', 'wrong-password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This account is suspended until Monday');
  });

  it('given a wrong password, then the incorrect-credentials message is shown and no session is stored', async () => {
    const fetchMock = stubFetch(() =>
      apiError({ statusCode: 401, error: 'Unauthorized', message: 'Email or password is incorrect', code: 'INVALID_CREDENTIALS' }),
    );
    await renderWithProviders(<SignInForm />);

    fillAndSubmit('coordinator@demo.example', 'not-the-password');

    expect((await screen.findByRole('alert')).textContent).toBe('Email or password is incorrect.');
    expect(urlOf(fetchMock.mock.calls[0]?.[0] ?? '')).toBe('/api/auth/login');
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({ email: 'coordinator@demo.example', password: 'not-the-password' });
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('given Persian, then the same refusal is shown in Persian', async () => {
    stubFetch(() => apiError({ statusCode: 401, error: 'Unauthorized', message: 'Email or password is incorrect', code: 'INVALID_CREDENTIALS' }));
    await renderWithProviders(<SignInForm />, { language: 'fa' });

    fireEvent.change(screen.getByLabelText('ایمیل'), { target: { value: 'coordinator@demo.example' } });
    fireEvent.change(screen.getByLabelText('رمز عبور'), { target: { value: 'not-the-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'ورود' }));

    expect((await screen.findByRole('alert')).textContent).toBe('ایمیل یا رمز عبور نادرست است.');
  });

  it('given too many attempts, then it says how many seconds to wait, from Retry-After', async () => {
    stubFetch(() =>
      apiError({ statusCode: 429, error: 'Too Many Requests', message: 'Too many attempts; try again in 42 seconds', code: 'TOO_MANY_ATTEMPTS' }, { 'Retry-After': '42' }),
    );
    await renderWithProviders(<SignInForm />);

    fillAndSubmit('coordinator@demo.example', 'not-the-password');

    expect((await screen.findByRole('alert')).textContent).toBe('Too many attempts. Try again in 42 seconds.');
  });

  it('given empty fields, then each shows its error and nothing is sent', async () => {
    const fetchMock = stubFetch(() => json({}));
    await renderWithProviders(<SignInForm />);

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual(['This field is required.', 'This field is required.']);
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('given an address without a domain, then the email field explains it', async () => {
    await renderWithProviders(<SignInForm />);
    fillAndSubmit('coordinator', 'demo-password');
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a valid email address.');
  });

  it('given the right credentials, then the session is stored for the next visit', async () => {
    const auth: AuthResponse = {
      user: { id: 'u1', email: 'coordinator@demo.example', fullName: 'Cora Ordinator', role: 'coordinator', yearOfStudy: null },
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      expiresIn: 900,
    };
    stubFetch(() => json(auth));
    await renderWithProviders(<SignInForm />);

    fillAndSubmit('coordinator@demo.example', 'demo-password');

    await waitFor(() => expect(localStorage.getItem(SESSION_STORAGE_KEY)).not.toBeNull());
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? '{}')).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1', user: auth.user });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
