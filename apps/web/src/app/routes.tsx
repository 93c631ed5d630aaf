import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { Role } from '@pm/contracts';
import { LoadingMessage } from '@web/components/feedback';
import { RedirectIfSignedIn, RequireAuth, RequireRole } from '@web/features/auth/components/route-guards';
import { AppLayout } from '@web/features/shell/components/app-layout';
import { PublicLayout } from '@web/features/shell/components/public-layout';
import { HomePage } from '@web/pages/home-page';
import { InvitePage } from '@web/pages/invite-page';
import { JoinPage } from '@web/pages/join-page';
import { OidcCompletePage } from '@web/pages/oidc-complete-page';
import { WelcomePage } from '@web/pages/welcome-page';
import { MyResultsPage } from '@web/pages/my-results-page';
import { NewProgramPage } from '@web/pages/new-program-page';
import { NotFoundPage } from '@web/pages/not-found-page';
import { NotificationSettingsPage } from '@web/pages/notification-settings-page';
import { NotificationsPage } from '@web/pages/notifications-page';
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
// evaluation: the lottery and the printable report, coordinator pages loaded on first visit.
const AllocationPage = lazy(() => import('@web/pages/allocation-page').then((module) => ({ default: module.AllocationPage })));
const OutcomesReportPage = lazy(() => import('@web/pages/outcomes-report-page').then((module) => ({ default: module.OutcomesReportPage })));
// Records, audit log and surveys: coordinator pages (the survey form excepted), loaded on first visit too.
const RecordsPage = lazy(() => import('@web/pages/records-page').then((module) => ({ default: module.RecordsPage })));
const AuditLogPage = lazy(() => import('@web/pages/audit-log-page').then((module) => ({ default: module.AuditLogPage })));
const SurveyAdminPage = lazy(() => import('@web/pages/survey-admin-page').then((module) => ({ default: module.SurveyAdminPage })));
const SurveyPage = lazy(() => import('@web/pages/survey-page').then((module) => ({ default: module.SurveyPage })));
const MatchingPage = lazy(() => import('@web/pages/matching-page').then((module) => ({ default: module.MatchingPage })));
// Chat loads on first visit too: socket.io's client is only needed there.
const ChatPage = lazy(() => import('@web/pages/chat-page').then((module) => ({ default: module.ChatPage })));
// The forum too: it brings the link finder and, for live updates, socket.io's client.
const ForumPage = lazy(() => import('@web/pages/forum-page').then((module) => ({ default: module.ForumPage })));
const ForumThreadPage = lazy(() => import('@web/pages/forum-thread-page').then((module) => ({ default: module.ForumThreadPage })));

// onboarding: the coordinator's cohort pages load on first visit (the QR code library is only needed there).
const RosterPage = lazy(() => import('@web/pages/roster-page').then((module) => ({ default: module.RosterPage })));
const ProgramSettingsPage = lazy(() => import('@web/pages/program-settings-page').then((module) => ({ default: module.ProgramSettingsPage })));
// Running the relationship (issue 14): agreements, session logs, check-ins, referrals, pair health, mentor hours.
const PairPage = lazy(() => import('@web/features/relationship/components/pair-page').then((module) => ({ default: module.PairPage })));
const SessionLogPage = lazy(() => import('@web/features/relationship/components/session-log-page').then((module) => ({ default: module.SessionLogPage })));
const AskForHelpPage = lazy(() => import('@web/features/relationship/components/ask-for-help-page').then((module) => ({ default: module.AskForHelpPage })));
const PairHealthPage = lazy(() => import('@web/features/relationship/components/pair-health-page').then((module) => ({ default: module.PairHealthPage })));
const ReferralsPage = lazy(() => import('@web/features/relationship/components/referrals-page').then((module) => ({ default: module.ReferralsPage })));
const AgreementTemplatePage = lazy(() => import('@web/features/relationship/components/agreement-template-page').then((module) => ({ default: module.AgreementTemplatePage })));
const MentorHoursPage = lazy(() => import('@web/features/relationship/components/mentor-hours-page').then((module) => ({ default: module.MentorHoursPage })));

export const routes: RouteObject[] = [
  // onboarding: an invitation link and the school sign-in's landing work signed out and signed in alike.
  {
    element: <PublicLayout />,
    children: [
      { path: '/invite', element: <InvitePage /> },
      { path: '/oidc/complete', element: <OidcCompletePage /> },
    ],
  },
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
          { path: '/programs/:programId/outcomes/report', element: <RequireRole roles={STAFF}><Suspense fallback={<LoadingMessage />}><OutcomesReportPage /></Suspense></RequireRole> },
          { path: '/programs/:programId/allocation', element: <RequireRole roles={STAFF}><Suspense fallback={<LoadingMessage />}><AllocationPage /></Suspense></RequireRole> },
          { path: '/programs/:programId/records', element: <RequireRole roles={STAFF}><Suspense fallback={<LoadingMessage />}><RecordsPage /></Suspense></RequireRole> },
          { path: '/programs/:programId/audit-log', element: <RequireRole roles={STAFF}><Suspense fallback={<LoadingMessage />}><AuditLogPage /></Suspense></RequireRole> },
          { path: '/programs/:programId/surveys', element: <RequireRole roles={STAFF}><Suspense fallback={<LoadingMessage />}><SurveyAdminPage /></Suspense></RequireRole> },
          { path: '/programs/:programId/survey', element: <RequireRole roles={[Role.Student]}><Suspense fallback={<LoadingMessage />}><SurveyPage /></Suspense></RequireRole> },
          { path: '/programs/:programId/preferences', element: <RequireRole roles={[Role.Student]}><PreferencesPage /></RequireRole> },
          { path: '/sessions', element: <RequireRole roles={[Role.Student]}><SessionsPage /></RequireRole> },
          // notifications: a notification about a session links to it; the mail footer links to the settings.
          { path: '/sessions/:sessionId', element: <RequireRole roles={[Role.Student]}><SessionsPage /></RequireRole> },
          { path: '/notifications', element: <NotificationsPage /> },
          { path: '/notifications/settings', element: <NotificationSettingsPage /> },
          // One route for the list and each conversation, so switching conversations keeps the connection.
          { path: '/chat/:conversationId?', element: <RequireRole roles={[Role.Student]}><Suspense fallback={<LoadingMessage />}><ChatPage /></Suspense></RequireRole> },
          // Students of the program and its coordinators; the API answers 404 to anyone else.
          { path: '/programs/:programId/forum', element: <Suspense fallback={<LoadingMessage />}><ForumPage /></Suspense> },
          { path: '/forum/threads/:threadId', element: <Suspense fallback={<LoadingMessage />}><ForumThreadPage /></Suspense> },
          { path: '/results', element: <RequireRole roles={[Role.Student]}><MyResultsPage /></RequireRole> },
          { path: '/staff', element: <RequireRole roles={[Role.Admin]}><StaffAccountsPage /></RequireRole> },
          { path: '/profile', element: <RequireRole roles={[Role.Student]}><ProfilePage /></RequireRole> },
          // onboarding
          { path: '/programs/:programId/roster', element: <RequireRole roles={STAFF}><Suspense fallback={<LoadingMessage />}><RosterPage /></Suspense></RequireRole> },
          { path: '/programs/:programId/settings', element: <RequireRole roles={STAFF}><Suspense fallback={<LoadingMessage />}><ProgramSettingsPage /></Suspense></RequireRole> },
          // relationship
          { path: '/mentorships/:mentorshipId', element: <RequireRole roles={[Role.Student]}><Suspense fallback={<LoadingMessage />}><PairPage /></Suspense></RequireRole> },
          { path: '/sessions/:sessionId/log', element: <RequireRole roles={[Role.Student]}><Suspense fallback={<LoadingMessage />}><SessionLogPage /></Suspense></RequireRole> },
          { path: '/help', element: <RequireRole roles={[Role.Student]}><Suspense fallback={<LoadingMessage />}><AskForHelpPage /></Suspense></RequireRole> },
          { path: '/programs/:programId/pair-health', element: <RequireRole roles={STAFF}><Suspense fallback={<LoadingMessage />}><PairHealthPage /></Suspense></RequireRole> },
          { path: '/programs/:programId/referrals', element: <RequireRole roles={STAFF}><Suspense fallback={<LoadingMessage />}><ReferralsPage /></Suspense></RequireRole> },
          { path: '/programs/:programId/agreement-template', element: <RequireRole roles={STAFF}><Suspense fallback={<LoadingMessage />}><AgreementTemplatePage /></Suspense></RequireRole> },
          { path: '/programs/:programId/mentor-hours', element: <RequireRole roles={STAFF}><Suspense fallback={<LoadingMessage />}><MentorHoursPage /></Suspense></RequireRole> },
          { path: '/join', element: <JoinPage /> },
          { path: '/welcome', element: <WelcomePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
