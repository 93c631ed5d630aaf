import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, type Location } from 'react-router';
import type { Role } from '@pm/contracts';
import { useSession } from '@web/features/auth/hooks/use-session';
import { SignedInUserContext, useSignedInUser } from '@web/features/auth/hooks/use-signed-in-user';

interface FromState {
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
}

const fromOf = (state: unknown): string | undefined => {
  const from = (state as FromState | null)?.from;
  return from ? `${from.pathname}${from.search}${from.hash}` : undefined;
};

/** Pages behind it see a signed-in user; anyone else is sent to sign in and brought back afterwards. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location } satisfies FromState} />;
  return (
    <SignedInUserContext value={session.user}>
      <Outlet />
    </SignedInUserContext>
  );
}

/**
 * For the sign-in and registration pages. Once a session exists (just signed in, or already signed in)
 * it leads to the page that sent the user here, or their home.
 */
export function RedirectIfSignedIn() {
  const session = useSession();
  const location = useLocation();
  if (session) return <Navigate to={fromOf(location.state) ?? '/'} replace />;
  return <Outlet />;
}

/** The API refuses these calls anyway; this keeps people from landing on pages they cannot use. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children?: ReactNode }) {
  const user = useSignedInUser();
  if (!roles.includes(user.role)) return <Navigate to="/" replace />;
  return children ?? <Outlet />;
}
