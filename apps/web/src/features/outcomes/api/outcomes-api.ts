import type { AcademicRecordResponse, AuditEntryResponse, ImportResponse, OutcomesResponse } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';
import { apiUpload, type UploadProgress } from '@web/lib/api-upload';

const programPath = (programId: string): string => `/programs/${encodeURIComponent(programId)}`;

export interface ImportCallbacks {
  onUploadProgress?: (progress: UploadProgress) => void;
  onUploaded?: () => void;
  signal?: AbortSignal;
}

/** The raw file is the body, as the API expects `text/csv`; the browser streams it from disk. */
export const importAcademicRecords = (programId: string, file: Blob, callbacks: ImportCallbacks = {}): Promise<ImportResponse> =>
  apiUpload<ImportResponse>(`${programPath(programId)}/academic-records/import`, { body: file, contentType: 'text/csv', ...callbacks });

export const fetchOutcomes = (programId: string, signal?: AbortSignal): Promise<OutcomesResponse> =>
  apiFetch<OutcomesResponse>(`${programPath(programId)}/outcomes`, { signal });

export const fetchAuditLog = (programId: string, signal?: AbortSignal): Promise<AuditEntryResponse[]> =>
  apiFetch<AuditEntryResponse[]>(`${programPath(programId)}/audit-log`, { signal });

export const fetchMyAcademicRecords = (signal?: AbortSignal): Promise<AcademicRecordResponse[]> =>
  apiFetch<AcademicRecordResponse[]>('/me/academic-records', { signal });
