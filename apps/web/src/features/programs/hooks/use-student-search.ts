import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchStudents } from '@web/features/programs/api/student-directory-api';
import { queryKeys } from '@web/lib/query-keys';
import { useDebouncedValue } from '@web/lib/use-debounced-value';

/** Debounced, and keeps the last results on screen while the next ones load so the list does not flicker. */
export function useStudentSearch(search: string) {
  const term = useDebouncedValue(search.trim());
  return useQuery({
    queryKey: queryKeys.users.directory({ role: 'student', q: term }),
    queryFn: ({ signal }) => searchStudents(term, signal),
    placeholderData: keepPreviousData,
  });
}
