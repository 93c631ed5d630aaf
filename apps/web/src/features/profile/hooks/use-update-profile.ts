import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProfileResponse, UpdateProfileRequest } from '@pm/contracts';
import { updateProfile } from '@web/features/profile/api/profile-api';
import { queryKeys } from '@web/lib/query-keys';

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation<ProfileResponse, Error, UpdateProfileRequest>({
    mutationFn: updateProfile,
    onSuccess: async (profile) => {
      queryClient.setQueryData(queryKeys.profile, profile);
      // The year of study is also part of the user shown in the header.
      await queryClient.invalidateQueries({ queryKey: queryKeys.me, exact: true });
    },
  });
}
