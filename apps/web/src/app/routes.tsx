import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { Role } from '@pm/contracts';
import { LoadingMessage } from '@web/components/feedback';
import { RedirectIfSignedIn, RequireAuth, RequireRole } from '@web/features/auth/components/route-guards';
import { AppLayout } from '@web/features/shell/components/app-layout';
import { PublicLayout } from '@web/features/shell/components/public-layout';
import { HomePage } from '@web/pages/home-page';
import { MyResultsPage } from '@web/pages/my-results-page';
import { NewProgramPage } from '@web/pages/new-program-page';
import { NotFoundPage } from '@web/pages/not-found-page';
import { PreferencesPage } from '@web/pages/preferences-page';
import { ProfilePage } from '@web/pages/profile-page';
import { ProgramDetailPage } from '@web/pages/program-detail-page';
import { ProgramsPage } from '@web/pages/programs-page';
import { RegisterPage } from '@web/pages/register-page';
import { SessionsPage } from '@web/pages/sessions-page';
import { SignInPage } from '@web/pages/sign-in-page';
import { StaffAccountsPage } from '@web/pages/staff-accounts-page';

const STAFF = [Role.Coordinator, Role.Admin] as const;

// Coordinator-only pages load on first visit: the charts library alone is most of the bundle, and students
// never need either page.
const OutcomesPage = lazy(() => import('@web/pages/outcomes-page').then((module) => ({ default: module.OutcomesPage })));
const MatchingPage = lazy(() => import('@web/pages/matching-page').then((module) => ({ default: module.MatchingPage })));
// Chat loads on first visit too: socket.io's client is only needed there.
const ChatPage = lazy(() => import('@web/pages/chat-page').then((module) => ({ default: module.ChatPage })));

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
          { path: '/programs/:programId/matching', element: <RequireRole roles={STAFF}><Suspense fallback={<LoadingMessage />}><MatchingPage /></Suspense></RequireRole> },
          { path: '/programs/:programId/outcomes', element: <RequireRole roles={STAFF}><Suspense fallback={<LoadingMessage />}><OutcomesPage /></Suspense></RequireRole> },
          { path: '/programs/:programId/preferences', element: <RequireRole roles={[Role.Student]}><PreferencesPage /></RequireRole> },
          { path: '/sessions', element: <RequireRole roles={[Role.Student]}><SessionsPage /></RequireRole> },
          // One route for the list and each conversation, so switching conversations keeps the connection.
          { path: '/chat/:conversationId?', element: <RequireRole roles={[Role.Student]}><Suspense fallback={<LoadingMessage />}><ChatPage /></Suspense></RequireRole> },
          { path: '/results', element: <RequireRole roles={[Role.Student]}><MyResultsPage /></RequireRole> },
          { path: '/staff', element: <RequireRole roles={[Role.Admin]}><StaffAccountsPage /></RequireRole> },
          { path: '/profile', element: <RequireRole roles={[Role.Student]}><ProfilePage /></RequireRole> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
