import { describe, expect, it, vi } from 'vitest';
import type { UserResponse } from '@pm/contracts';
import { createSessionStore } from './session-store';

const KEY = 'pm.test.session';
const user: UserResponse = { id: 'u1', email: 'mentee1@demo.example', fullName: 'Mina Mentee', role: 'student', yearOfStudy: 1 };
const session = { accessToken: 'a', refreshToken: 'r', user };

describe('session store', () => {
  it('given a session was saved, when the page reloads, then it is still signed in', () => {
    createSessionStore(KEY).set(session);
    expect(createSessionStore(KEY).get()).toEqual(session);
  });

  it('given a cleared session, then storage no longer holds tokens', () => {
    const store = createSessionStore(KEY);
    store.set(session);
    store.set(null);
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(createSessionStore(KEY).get()).toBeNull();
  });

  it('given malformed storage, then it counts as signed out', () => {
    localStorage.setItem(KEY, JSON.stringify({ accessToken: 'a', refreshToken: 'r', user: { ...user, role: 'superuser' } }));
    expect(createSessionStore(KEY).get()).toBeNull();
    localStorage.setItem(KEY, '{not json');
    expect(createSessionStore(KEY).get()).toBeNull();
  });

  it('given another tab signs out, then subscribers here hear of it', () => {
    const store = createSessionStore(KEY);
    store.set(session);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);

    localStorage.removeItem(KEY);
    window.dispatchEvent(new StorageEvent('storage', { key: KEY }));

    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get()).toBeNull();
    unsubscribe();
  });

  it('returns the same object until the session changes, as useSyncExternalStore requires', () => {
    const store = createSessionStore(KEY);
    store.set(session);
    expect(store.get()).toBe(store.get());
  });
});
