import type { AuthResponse } from '@pm/contracts';
import type { TokenProvider } from '@web/lib/api-client';
import { isApiError } from '@web/lib/api-error';
import { sessionFrom, type SessionStore } from './session-store';

const REFRESH_LOCK = 'pm.session.refresh';

/**
 * Two tabs share one stored refresh token, and it can be spent only once. The Web Locks API lets one tab
 * refresh at a time; the next one then finds the renewed pair in storage instead of spending a dead token.
 */
async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks: LockManager | undefined = globalThis.navigator?.locks;
  if (!locks) return task();
  // The lock resolves with whatever the callback's promise resolves to.
  return await locks.request(REFRESH_LOCK, task);
}

export function createSessionTokenProvider(store: SessionStore, renew: (refreshToken: string) => Promise<AuthResponse>): TokenProvider {
  return {
    getAccessToken: () => store.get()?.accessToken ?? null,
    refresh: (staleAccessToken) =>
      withRefreshLock(async () => {
        store.reload();
        const session = store.get();
        if (!session) return null;
        if (session.accessToken !== staleAccessToken) return session.accessToken;
        try {
          const renewed = await renew(session.refreshToken);
          store.set(sessionFrom(renewed));
          return renewed.accessToken;
        } catch (error) {
          // A refused refresh token ends the session; a network failure does not, the next request may succeed.
          if (isApiError(error) && error.statusCode >= 400 && error.statusCode < 500) {
            store.set(null);
            return null;
          }
          throw error;
        }
      }),
  };
}
