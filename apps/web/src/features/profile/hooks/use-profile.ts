import { useQuery } from '@tanstack/react-query';
import { fetchProfile } from '@web/features/profile/api/profile-api';
import { queryKeys } from '@web/lib/query-keys';

export function useProfile() {
  return useQuery({ queryKey: queryKeys.profile, queryFn: ({ signal }) => fetchProfile(signal) });
}
