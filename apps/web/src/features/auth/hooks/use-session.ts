import { useSyncExternalStore } from 'react';
import { sessionStore, type Session } from '@web/features/auth/api/session-store';

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
