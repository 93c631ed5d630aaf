import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UserResponse } from '@pm/contracts';
import { createStaffAccount } from '@web/features/admin/api/staff-api';
import { queryKeys } from '@web/lib/query-keys';

export function useCreateStaffAccount() {
  const queryClient = useQueryClient();
  return useMutation<UserResponse, Error, CreateUserRequest>({
    mutationFn: createStaffAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}
