import { ROLES, type AuthResponse, type Role, type UserResponse } from '@pm/contracts';
import { readStored, writeStored } from '@web/lib/storage';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: UserResponse;
}

export interface SessionStore {
  get(): Session | null;
  set(session: Session | null): void;
  updateUser(user: UserResponse): void;
  /** Re-reads storage, for when another tab may have changed the session a moment ago. */
  reload(): void;
  subscribe(listener: () => void): () => void;
}

export const SESSION_STORAGE_KEY = 'pm.session';

export const sessionFrom = (auth: AuthResponse): Session => ({
  accessToken: auth.accessToken,
  refreshToken: auth.refreshToken,
  user: auth.user,
});

const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

const isUser = (value: unknown): value is UserResponse => {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as Record<string, unknown>;
  return (
    typeof user['id'] === 'string' &&
    typeof user['email'] === 'string' &&
    typeof user['fullName'] === 'string' &&
    isRole(user['role']) &&
    (user['yearOfStudy'] === null || typeof user['yearOfStudy'] === 'number')
  );
};

/** Storage is outside our control (older versions, hand edits), so anything malformed counts as signed out. */
function parseSession(raw: string | null): Session | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const session = value as Record<string, unknown>;
    const { accessToken, refreshToken, user } = session;
    if (typeof accessToken !== 'string' || typeof refreshToken !== 'string' || !isUser(user)) return null;
    return { accessToken, refreshToken, user };
  } catch {
    return null;
  }
}

/**
 * The signed-in session, kept in memory and mirrored to localStorage so a reload stays signed in. Memory
 * stays the source of truth for this tab, so the app still works where storage refuses writes; other
 * tabs' changes arrive through the `storage` event, so signing out in one tab signs out all of them.
 */
export function createSessionStore(key: string = SESSION_STORAGE_KEY): SessionStore {
  const listeners = new Set<() => void>();
  let current = parseSession(readStored(key));

  const notify = (): void => listeners.forEach((listener) => listener());

  const reload = (): void => {
    const next = parseSession(readStored(key));
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    current = next;
    notify();
  };

  const onStorage = (event: StorageEvent): void => {
    if (event.key === key || event.key === null) reload();
  };

  const set = (session: Session | null): void => {
    current = session;
    writeStored(key, session ? JSON.stringify(session) : null);
    notify();
  };

  return {
    get: () => current,
    set,
    updateUser: (user) => {
      if (current) set({ ...current, user });
    },
    reload,
    subscribe: (listener) => {
      listeners.add(listener);
      if (listeners.size === 1) window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener('storage', onStorage);
      };
    },
  };
}

export const sessionStore = createSessionStore();
