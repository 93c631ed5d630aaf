import { useCallback, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RosterImportResponse } from '@pm/contracts';
import { importRoster } from '@web/features/roster/api/roster-api';
import type { UploadProgress } from '@web/lib/api-upload';
import { queryKeys } from '@web/lib/query-keys';

/** `uploading` while bytes leave the browser, `processing` while the API checks (and stores) them. */
export type RosterPhase = 'uploading' | 'processing';

export interface RosterUpload {
  file: File;
  dryRun: boolean;
}

/** One upload at a time, preview or import, with real upload progress and a way to cancel. */
export function useRosterImport(programId: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [phase, setPhase] = useState<RosterPhase>('uploading');
  const controller = useRef<AbortController | null>(null);

  const mutation = useMutation<RosterImportResponse, Error, RosterUpload>({
    mutationFn: ({ file, dryRun }) => {
      controller.current = new AbortController();
      setPhase('uploading');
      setProgress({ loaded: 0, total: file.size });
      return importRoster(programId, file, { dryRun, onUploadProgress: setProgress, onUploaded: () => setPhase('processing'), signal: controller.current.signal });
    },
    onSuccess: async (result) => {
      // Enrolments, counts and invitations all change with a stored import.
      if (!result.dryRun) await queryClient.invalidateQueries({ queryKey: queryKeys.programs.detail(programId) });
    },
    onSettled: () => {
      controller.current = null;
    },
  });

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { mutation, progress, phase, cancel };
}
