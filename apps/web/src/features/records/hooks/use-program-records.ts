import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteAcademicRecord, fetchProgramRecords } from '@web/features/records/api/records-api';
import { queryKeys } from '@web/lib/query-keys';

export const RECORDS_PAGE_SIZE = 25;

/**
 * One page of records. One more than a page is asked for, so the page knows whether a next one exists
 * without a count of the whole table.
 */
export function useProgramRecords(programId: string, q: string, page: number) {
  const query = { q, limit: RECORDS_PAGE_SIZE + 1, offset: page * RECORDS_PAGE_SIZE };
  return useQuery({
    queryKey: queryKeys.programs.academicRecordsPage(programId, query),
    queryFn: ({ signal }) => fetchProgramRecords(programId, query, signal),
    placeholderData: keepPreviousData,
    select: (rows) => ({ records: rows.slice(0, RECORDS_PAGE_SIZE), hasNext: rows.length > RECORDS_PAGE_SIZE }),
  });
}

export function useDeleteRecord(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (recordId: string) => deleteAcademicRecord(programId, recordId),
    // The analysis changes with the records, and the deletion is in the audit log.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.academicRecords(programId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.outcomes(programId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.auditLog(programId) }),
      ]),
  });
}
