import type { ProgramResponse, RosterImportResponse, UpdateProgramRequest } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';
import { apiUpload } from '@web/lib/api-upload';
import type { UploadProgress } from '@web/lib/api-upload';

const programPath = (programId: string): string => `/programs/${encodeURIComponent(programId)}`;

export interface RosterUploadOptions {
  dryRun?: boolean;
  onUploadProgress?: (progress: UploadProgress) => void;
  onUploaded?: () => void;
  signal?: AbortSignal;
}

/** `dryRun`: the same counts and per-row preview, nothing stored or sent. */
export const importRoster = (programId: string, file: Blob, { dryRun = false, ...callbacks }: RosterUploadOptions = {}): Promise<RosterImportResponse> =>
  apiUpload<RosterImportResponse>(`${programPath(programId)}/roster/import${dryRun ? '?dryRun=true' : ''}`, { body: file, contentType: 'text/csv', ...callbacks });

export const updateProgram = (programId: string, body: UpdateProgramRequest): Promise<ProgramResponse> =>
  apiFetch<ProgramResponse>(programPath(programId), { method: 'PATCH', body });

export const closeProgram = (programId: string, confirmName: string): Promise<ProgramResponse> =>
  apiFetch<ProgramResponse>(`${programPath(programId)}/close`, { method: 'POST', body: { confirmName } });
