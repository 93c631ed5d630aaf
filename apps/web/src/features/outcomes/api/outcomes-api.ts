import type { AcademicRecordResponse, AuditEntryResponse, ImportResponse, OutcomesResponse } from '@pm/contracts';
import { apiFetch, appTokens } from '@web/lib/api-client';
import { apiErrorFrom } from '@web/lib/api-error';
import { apiUpload, type UploadProgress } from '@web/lib/api-upload';

const programPath = (programId: string): string => `/programs/${encodeURIComponent(programId)}`;

export interface ImportCallbacks {
  onUploadProgress?: (progress: UploadProgress) => void;
  onUploaded?: () => void;
  signal?: AbortSignal;
  /** Validate and count only: nothing is stored. */
  dryRun?: boolean;
}

/** The raw file is the body, as the API expects `text/csv`; the browser streams it from disk. */
export const importAcademicRecords = (programId: string, file: Blob, { dryRun = false, ...callbacks }: ImportCallbacks = {}): Promise<ImportResponse> =>
  apiUpload<ImportResponse>(`${programPath(programId)}/academic-records/import${dryRun ? '?dryRun=true' : ''}`, { body: file, contentType: 'text/csv', ...callbacks });

/**
 * The de-identified research export, as a file the browser saves. A plain link cannot carry the bearer token,
 * so the file is fetched (renewing the session once on a 401, as every call does) and handed over as a blob.
 */
export async function downloadResearchExport(programId: string): Promise<void> {
  const path = `/api${programPath(programId)}/outcomes/export.csv`;
  const send = (token: string | null): Promise<Response> => fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const sent = appTokens.getAccessToken();
  let response = await send(sent);
  if (response.status === 401 && sent) {
    const retry = await appTokens.refresh(sent);
    if (retry) response = await send(retry);
  }
  if (!response.ok) throw await apiErrorFrom(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'outcomes-deidentified.csv';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers start the download only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const fetchOutcomes = (programId: string, signal?: AbortSignal): Promise<OutcomesResponse> =>
  apiFetch<OutcomesResponse>(`${programPath(programId)}/outcomes`, { signal });

export const fetchAuditLog = (programId: string, signal?: AbortSignal): Promise<AuditEntryResponse[]> =>
  apiFetch<AuditEntryResponse[]>(`${programPath(programId)}/audit-log`, { signal });

export const fetchMyAcademicRecords = (signal?: AbortSignal): Promise<AcademicRecordResponse[]> =>
  apiFetch<AcademicRecordResponse[]>('/me/academic-records', { signal });
