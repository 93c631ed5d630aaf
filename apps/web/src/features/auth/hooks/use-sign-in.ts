import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthResponse, LoginRequest } from '@pm/contracts';
import { login } from '@web/features/auth/api/auth-api';
import { sessionFrom, sessionStore } from '@web/features/auth/api/session-store';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<AuthResponse, Error, LoginRequest>({
    mutationFn: login,
    onSuccess: (auth) => {
      // Whatever is cached belongs to whoever used this browser before.
      queryClient.removeQueries();
      sessionStore.set(sessionFrom(auth));
    },
  });
}
