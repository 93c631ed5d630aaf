import type { RouteObject } from 'react-router';
import { Role } from '@pm/contracts';
import { RedirectIfSignedIn, RequireAuth, RequireRole } from '@web/features/auth/components/route-guards';
import { AppLayout } from '@web/features/shell/components/app-layout';
import { PublicLayout } from '@web/features/shell/components/public-layout';
import { HomePage } from '@web/pages/home-page';
import { NewProgramPage } from '@web/pages/new-program-page';
import { NotFoundPage } from '@web/pages/not-found-page';
import { ProfilePage } from '@web/pages/profile-page';
import { ProgramDetailPage } from '@web/pages/program-detail-page';
import { ProgramsPage } from '@web/pages/programs-page';
import { RegisterPage } from '@web/pages/register-page';
import { SignInPage } from '@web/pages/sign-in-page';
import { StaffAccountsPage } from '@web/pages/staff-accounts-page';

const STAFF = [Role.Coordinator, Role.Admin] as const;

export const routes: RouteObject[] = [
  {
    element: <RedirectIfSignedIn />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/sign-in', element: <SignInPage /> },
          { path: '/register', element: <RegisterPage /> },
        ],
      },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: '/programs', element: <ProgramsPage /> },
          { path: '/programs/new', element: <RequireRole roles={STAFF}><NewProgramPage /></RequireRole> },
          { path: '/programs/:programId', element: <ProgramDetailPage /> },
          { path: '/staff', element: <RequireRole roles={[Role.Admin]}><StaffAccountsPage /></RequireRole> },
          { path: '/profile', element: <RequireRole roles={[Role.Student]}><ProfilePage /></RequireRole> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
