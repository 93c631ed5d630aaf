import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthResponse, RegisterRequest } from '@pm/contracts';
import { registerStudent } from '@web/features/auth/api/auth-api';
import { sessionFrom, sessionStore } from '@web/features/auth/api/session-store';

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation<AuthResponse, Error, RegisterRequest>({
    mutationFn: registerStudent,
    onSuccess: (auth) => {
      queryClient.removeQueries();
      sessionStore.set(sessionFrom(auth));
    },
  });
}
