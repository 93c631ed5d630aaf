import { useCallback, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportResponse } from '@pm/contracts';
import { importAcademicRecords } from '@web/features/outcomes/api/outcomes-api';
import type { UploadProgress } from '@web/lib/api-upload';
import { queryKeys } from '@web/lib/query-keys';

/** `uploading` while bytes leave the browser, `processing` while the API parses and stores them. */
export type ImportPhase = 'uploading' | 'processing';

export function useImportRecords(programId: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [phase, setPhase] = useState<ImportPhase>('uploading');
  const controller = useRef<AbortController | null>(null);

  const mutation = useMutation<ImportResponse, Error, { file: File; dryRun: boolean }>({
    mutationFn: ({ file, dryRun }) => {
      controller.current = new AbortController();
      setPhase('uploading');
      setProgress({ loaded: 0, total: file.size });
      return importAcademicRecords(programId, file, {
        onUploadProgress: setProgress,
        onUploaded: () => setPhase('processing'),
        signal: controller.current.signal,
        dryRun,
      });
    },
    onSuccess: async (result) => {
      if (result.dryRun) return;
      // New records change the analysis, and the import itself is written to the audit log.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.outcomes(programId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.auditLog(programId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.programs.academicRecords(programId) }),
      ]);
    },
    onSettled: () => {
      controller.current = null;
    },
  });

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { mutation, progress, phase, cancel };
}
