import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PreferencesResponse } from '@pm/contracts';
import { savePreferences } from '@web/features/preferences/api/preferences-api';
import { queryKeys } from '@web/lib/query-keys';

export function useSavePreferences(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<PreferencesResponse, Error, string[]>({
    mutationFn: (rankedUserIds) => savePreferences(programId, rankedUserIds),
    // The answer is the stored ranking; no need to ask for it again.
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.programs.myPreferences(programId), saved),
  });
}
