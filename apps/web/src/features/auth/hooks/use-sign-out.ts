import { useMutation, useQueryClient } from '@tanstack/react-query';
import { logout } from '@web/features/auth/api/auth-api';
import { sessionStore } from '@web/features/auth/api/session-store';

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, void>({
    mutationFn: async () => {
      const session = sessionStore.get();
      if (!session) return;
      // Signing out must work offline too: the local session ends regardless, and an unrevoked refresh
      // token that nobody holds any more simply expires on the server.
      await logout(session.refreshToken).catch(() => undefined);
    },
    onSettled: () => {
      sessionStore.set(null);
      queryClient.removeQueries();
    },
  });
}
