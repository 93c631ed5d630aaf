import { describe, expect, it, vi } from 'vitest';
import type { AuthResponse, UserResponse } from '@pm/contracts';
import { createSessionStore } from '@web/features/auth/api/session-store';
import { createSessionTokenProvider } from '@web/features/auth/api/session-token-provider';
import { apiError, deferred, headerOf, json, urlOf } from '@web/test/http';
import { createApiClient, type TokenProvider } from './api-client';
import { ApiError } from './api-error';

const user: UserResponse = { id: 'u1', email: 'coordinator@demo.example', fullName: 'Cora Ordinator', role: 'coordinator', yearOfStudy: null };
const unauthorized = (): Response => apiError({ statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue', code: 'UNAUTHENTICATED' });

/** A token provider whose refresh is held open until the test releases it. */
function heldTokens(initial: string) {
  let current: string | null = initial;
  const gate = deferred<void>();
  const refresh = vi.fn(async (_stale: string) => {
    await gate.promise;
    current = 'fresh-access';
    return current;
  });
  const tokens: TokenProvider = { getAccessToken: () => current, refresh };
  return { tokens, refresh, release: () => gate.resolve() };
}

/** The API as far as these tests need it: only `fresh-access` is accepted. */
const fakeApi = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) =>
  headerOf(init, 'Authorization') === 'Bearer fresh-access' ? json({ ok: true }) : unauthorized(),
);

describe('apiFetch', () => {
  it('sends the bearer token and parses JSON', async () => {
    const fetchImpl = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => json([{ id: 'p1' }]));
    const apiFetch = createApiClient({ tokens: { getAccessToken: () => 'token-1', refresh: vi.fn() }, fetchImpl });

    await expect(apiFetch('/programs')).resolves.toEqual([{ id: 'p1' }]);
    const [input, init] = fetchImpl.mock.calls[0] ?? [];
    expect(urlOf(input ?? '')).toBe('/api/programs');
    expect(headerOf(init, 'Authorization')).toBe('Bearer token-1');
  });

  it('given two requests refused with the same expired token, when both see 401, then it refreshes exactly once and retries both', async () => {
    const { tokens, refresh, release } = heldTokens('expired-access');
    fakeApi.mockClear();
    const apiFetch = createApiClient({ tokens, fetchImpl: fakeApi });

    const first = apiFetch<{ ok: boolean }>('/programs');
    const second = apiFetch<{ ok: boolean }>('/me');
    // Let both 401s arrive while the refresh is still in flight.
    await vi.waitFor(() => expect(refresh).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();

    await expect(Promise.all([first, second])).resolves.toEqual([{ ok: true }, { ok: true }]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refresh).toHaveBeenCalledWith('expired-access');
    const authHeaders = fakeApi.mock.calls.map(([, init]) => headerOf(init, 'Authorization'));
    expect(authHeaders).toEqual(['Bearer expired-access', 'Bearer expired-access', 'Bearer fresh-access', 'Bearer fresh-access']);
  });

  it('given a 401 that arrives after another request already refreshed, then it retries with the new token without refreshing again', async () => {
    let current = 'expired-access';
    const refresh = vi.fn(async () => {
      current = 'fresh-access';
      return current;
    });
    const slow = deferred<Response>();
    const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (urlOf(input).endsWith('/slow') && headerOf(init, 'Authorization') === 'Bearer expired-access') return slow.promise;
      return fakeApi(input, init);
    });
    const apiFetch = createApiClient({ tokens: { getAccessToken: () => current, refresh }, fetchImpl });

    const late = apiFetch('/slow');
    await expect(apiFetch('/fast')).resolves.toEqual({ ok: true });
    slow.resolve(unauthorized());
    await expect(late).resolves.toEqual({ ok: true });
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('given the session cannot be renewed, then the 401 is thrown as an ApiError and nothing is retried', async () => {
    const fetchImpl = vi.fn(async () => unauthorized());
    const apiFetch = createApiClient({ tokens: { getAccessToken: () => 'expired-access', refresh: async () => null }, fetchImpl });

    const error = await apiFetch('/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 401, message: 'Sign in to continue', code: 'UNAUTHENTICATED' });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('never refreshes for calls made without a token (sign-in answers 401 for a wrong password)', async () => {
    const refresh = vi.fn(async () => 'fresh-access');
    const fetchImpl = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
      apiError({ statusCode: 401, error: 'Unauthorized', message: 'Email or password is incorrect' }),
    );
    const apiFetch = createApiClient({ tokens: { getAccessToken: () => 'some-access', refresh }, fetchImpl });

    await expect(apiFetch('/auth/login', { method: 'POST', body: {}, auth: false })).rejects.toMatchObject({ statusCode: 401 });
    expect(refresh).not.toHaveBeenCalled();
    expect(headerOf(fetchImpl.mock.calls[0]?.[1], 'Authorization')).toBeNull();
  });

  it('throws a typed ApiError with the status, the messages and Retry-After', async () => {
    const fetchImpl = vi.fn(async () =>
      apiError({ statusCode: 429, error: 'Too Many Requests', message: 'Too many attempts; try again in 30 seconds' }, { 'Retry-After': '30' }),
    );
    const apiFetch = createApiClient({ tokens: { getAccessToken: () => null, refresh: vi.fn() }, fetchImpl });
    const error = await apiFetch('/auth/login', { method: 'POST', body: {}, auth: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 429, retryAfterSeconds: 30, message: 'Too many attempts; try again in 30 seconds' });
  });

  it('keeps validation messages apart and joins them for display', async () => {
    const fetchImpl = vi.fn(async () =>
      apiError({ statusCode: 400, error: 'Bad Request', message: ['email must be a valid email address', 'password must be at least 10 characters'] }),
    );
    const apiFetch = createApiClient({ tokens: { getAccessToken: () => null, refresh: vi.fn() }, fetchImpl });
    const error = await apiFetch('/auth/register', { method: 'POST', body: {}, auth: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      statusCode: 400,
      messages: ['email must be a valid email address', 'password must be at least 10 characters'],
      message: 'email must be a valid email address password must be at least 10 characters',
    });
  });

  it('returns nothing for 204 No Content', async () => {
    const apiFetch = createApiClient({ tokens: { getAccessToken: () => null, refresh: vi.fn() }, fetchImpl: async () => new Response(null, { status: 204 }) });
    await expect(apiFetch('/auth/logout', { method: 'POST', body: { refreshToken: 'r' }, auth: false })).resolves.toBeUndefined();
  });
});

describe('apiFetch with the real session refresh', () => {
  const renewed: AuthResponse = { user, accessToken: 'fresh-access', refreshToken: 'refresh-2', expiresIn: 900 };

  function setup(refreshResponse: () => Response) {
    localStorage.setItem('pm.test.session', JSON.stringify({ accessToken: 'expired-access', refreshToken: 'refresh-1', user }));
    const store = createSessionStore('pm.test.session');
    const refreshBodies: unknown[] = [];
    const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (urlOf(input) === '/api/auth/refresh') {
        refreshBodies.push(JSON.parse(String(init?.body)));
        await new Promise((resolve) => setTimeout(resolve, 5));
        return refreshResponse();
      }
      return fakeApi(input, init);
    });
    // The refresh call itself goes through a client without tokens, as auth-api does.
    const bare = createApiClient({ tokens: { getAccessToken: () => null, refresh: async () => null }, fetchImpl });
    const tokens = createSessionTokenProvider(store, (refreshToken) =>
      bare<AuthResponse>('/auth/refresh', { method: 'POST', body: { refreshToken }, auth: false }),
    );
    return { store, refreshBodies, apiFetch: createApiClient({ tokens, fetchImpl }) };
  }

  it('spends the refresh token once for three concurrent 401s and stores the new pair', async () => {
    const { store, refreshBodies, apiFetch } = setup(() => json(renewed));

    const results = await Promise.all([apiFetch('/programs'), apiFetch('/me'), apiFetch('/me/profile')]);

    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(refreshBodies).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(store.get()).toMatchObject({ accessToken: 'fresh-access', refreshToken: 'refresh-2' });
    expect(JSON.parse(localStorage.getItem('pm.test.session') ?? 'null')).toMatchObject({ refreshToken: 'refresh-2' });
  });

  it('signs out when the refresh token is refused', async () => {
    const { store, refreshBodies, apiFetch } = setup(() =>
      apiError({ statusCode: 401, error: 'Unauthorized', message: 'The refresh token is invalid, expired or already used; sign in again' }),
    );

    const outcomes = await Promise.allSettled([apiFetch('/programs'), apiFetch('/me')]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(refreshBodies).toHaveLength(1);
    expect(store.get()).toBeNull();
    expect(localStorage.getItem('pm.test.session')).toBeNull();
  });
});
