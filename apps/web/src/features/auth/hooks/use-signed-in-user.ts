import { createContext, useContext } from 'react';
import type { UserResponse } from '@pm/contracts';

/** Provided by RequireAuth, so every page behind it gets a user that is never null. */
export const SignedInUserContext = createContext<UserResponse | null>(null);

export function useSignedInUser(): UserResponse {
  const user = useContext(SignedInUserContext);
  if (!user) throw new Error('useSignedInUser is only available inside <RequireAuth>');
  return user;
}
