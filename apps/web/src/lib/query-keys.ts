import type { Role } from '@pm/contracts';

export interface DirectoryFilter {
  role?: Role;
  q?: string;
}

/**
 * Every TanStack Query key of the app, so an invalidation can never miss a query because of a typo.
 * Keys nest: invalidating `programs.detail(id)` also refreshes that program's enrollments, and
 * `users.all` every directory search.
 */
export const queryKeys = {
  me: ['me'] as const,
  profile: ['me', 'profile'] as const,
  myMentorships: ['me', 'mentorships'] as const,
  myAcademicRecords: ['me', 'academic-records'] as const,
  mySessions: ['me', 'sessions'] as const,
  myAvailability: ['me', 'availability'] as const,
  calendarFeed: ['me', 'calendar-feed'] as const,
  /** The caller's chat conversations; kept current from socket events (see features/chat). */
  conversations: ['conversations'] as const,
  /** The caller's notifications; kept current from `notification:new` (see features/notifications). */
  notifications: {
    all: ['me', 'notifications'] as const,
    list: ['me', 'notifications', 'list'] as const,
    unread: ['me', 'notifications', 'unread'] as const,
    settings: ['me', 'notification-settings'] as const,
  },
  slots: (mentorshipId: string, from: string, to: string, durationMinutes: number) => ['mentorships', mentorshipId, 'slots', { from, to, durationMinutes }] as const,
  programs: {
    all: ['programs'] as const,
    list: () => ['programs', 'list'] as const,
    detail: (programId: string) => ['programs', 'detail', programId] as const,
    enrollments: (programId: string) => ['programs', 'detail', programId, 'enrollments'] as const,
    coordinators: (programId: string) => ['programs', 'detail', programId, 'coordinators'] as const,
    matchingRuns: (programId: string) => ['programs', 'detail', programId, 'matching-runs'] as const,
    matchingRun: (programId: string, runId: string) => ['programs', 'detail', programId, 'matching-runs', runId] as const,
    mentorships: (programId: string) => ['programs', 'detail', programId, 'mentorships'] as const,
    exclusions: (programId: string) => ['programs', 'detail', programId, 'exclusions'] as const,
    rankingCandidates: (programId: string) => ['programs', 'detail', programId, 'ranking-candidates'] as const,
    myPreferences: (programId: string) => ['programs', 'detail', programId, 'preferences', 'me'] as const,
    outcomes: (programId: string) => ['programs', 'detail', programId, 'outcomes'] as const,
    auditLog: (programId: string) => ['programs', 'detail', programId, 'audit-log'] as const,
    auditLogPage: (programId: string, filter: Record<string, string | number>) => ['programs', 'detail', programId, 'audit-log', filter] as const,
    academicRecords: (programId: string) => ['programs', 'detail', programId, 'academic-records'] as const,
    academicRecordsPage: (programId: string, filter: Record<string, string | number>) => ['programs', 'detail', programId, 'academic-records', filter] as const,
    surveyItems: (programId: string) => ['programs', 'detail', programId, 'survey-items'] as const,
    surveySummary: (programId: string) => ['programs', 'detail', programId, 'survey-summary'] as const,
    /** The caller's survey waves (a mentee): which they may still answer. */
    surveyWaves: (programId: string) => ['programs', 'detail', programId, 'survey-waves'] as const,
  },
  /** Ready sets of survey statements, in one language (coordinators). */
  surveyItemSets: (language: string) => ['survey-item-sets', language] as const,
  users: {
    all: ['users'] as const,
    directory: (filter: DirectoryFilter) => ['users', 'directory', filter] as const,
  },
};
