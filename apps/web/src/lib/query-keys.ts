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
  programs: {
    all: ['programs'] as const,
    list: () => ['programs', 'list'] as const,
    detail: (programId: string) => ['programs', 'detail', programId] as const,
    enrollments: (programId: string) => ['programs', 'detail', programId, 'enrollments'] as const,
  },
  users: {
    all: ['users'] as const,
    directory: (filter: DirectoryFilter) => ['users', 'directory', filter] as const,
  },
};
