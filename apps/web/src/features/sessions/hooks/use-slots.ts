import { useQuery } from '@tanstack/react-query';
import { fetchSlots, type SlotsQuery } from '@web/features/sessions/api/sessions-api';
import { queryKeys } from '@web/lib/query-keys';

/** Free slots of a mentorship's mentor on a range, in the viewer's zone; idle until a mentorship and a day are chosen. */
export function useSlots(mentorshipId: string, query: SlotsQuery | null) {
  return useQuery({
    queryKey: queryKeys.slots(mentorshipId, query?.from ?? '', query?.to ?? '', query?.durationMinutes ?? 0),
    queryFn: ({ signal }) => fetchSlots(mentorshipId, query as SlotsQuery, signal),
    enabled: mentorshipId !== '' && query !== null,
  });
}
