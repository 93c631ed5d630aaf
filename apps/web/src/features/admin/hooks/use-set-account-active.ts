import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserAccountResponse } from '@pm/contracts';
import { setAccountActive } from '@web/features/admin/api/staff-api';
import { queryKeys } from '@web/lib/query-keys';

export function useSetAccountActive() {
  const queryClient = useQueryClient();
  return useMutation<UserAccountResponse, Error, { userId: string; active: boolean }>({
    mutationFn: ({ userId, active }) => setAccountActive(userId, active),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}
