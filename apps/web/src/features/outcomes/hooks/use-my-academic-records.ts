import { useQuery } from '@tanstack/react-query';
import { fetchMyAcademicRecords } from '@web/features/outcomes/api/outcomes-api';
import { queryKeys } from '@web/lib/query-keys';

/** The signed-in student's own records, across their programs. */
export function useMyAcademicRecords() {
  return useQuery({ queryKey: queryKeys.myAcademicRecords, queryFn: ({ signal }) => fetchMyAcademicRecords(signal) });
}
