import { useQueries } from '@tanstack/react-query';
import { STAFF_ROLES, type UserSummary } from '@pm/contracts';
import { fetchStaff } from '@web/features/admin/api/staff-api';
import { queryKeys } from '@web/lib/query-keys';

/** Coordinators and admins together; the directory filters by one role at a time. */
export function useStaff() {
  return useQueries({
    queries: STAFF_ROLES.map((role) => ({
      queryKey: queryKeys.users.directory({ role }),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchStaff(role, signal),
    })),
    combine: (results) => ({
      data: results.every((result) => result.isSuccess)
        ? results.flatMap((result) => result.data ?? []).sort((a: UserSummary, b: UserSummary) => a.fullName.localeCompare(b.fullName))
        : undefined,
      error: results.find((result) => result.isError)?.error ?? null,
      isPending: results.some((result) => result.isPending),
      refetch: () => Promise.all(results.map((result) => result.refetch())),
    }),
  });
}
