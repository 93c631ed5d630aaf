import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchAuditLogPage, type AuditLogFilter } from '@web/features/audit-log/api/audit-log-api';
import { queryKeys } from '@web/lib/query-keys';

export const AUDIT_PAGE_SIZE = 50;

/** One page of the trail, newest first; one entry more than a page tells whether an older page exists. */
export function useAuditLogPage(programId: string, filter: AuditLogFilter, page: number) {
  const limit = AUDIT_PAGE_SIZE + 1;
  const offset = page * AUDIT_PAGE_SIZE;
  return useQuery({
    queryKey: queryKeys.programs.auditLogPage(programId, { ...filter, limit, offset }),
    queryFn: ({ signal }) => fetchAuditLogPage(programId, filter, limit, offset, signal),
    placeholderData: keepPreviousData,
    select: (entries) => ({ entries: entries.slice(0, AUDIT_PAGE_SIZE), hasNext: entries.length > AUDIT_PAGE_SIZE }),
  });
}
