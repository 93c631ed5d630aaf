import { useQuery } from '@tanstack/react-query';
import { fetchAuditLog } from '@web/features/outcomes/api/outcomes-api';
import { queryKeys } from '@web/lib/query-keys';

/** Who imported or read whose records, newest first. */
export function useAuditLog(programId: string) {
  return useQuery({ queryKey: queryKeys.programs.auditLog(programId), queryFn: ({ signal }) => fetchAuditLog(programId, signal) });
}
