import type { AcademicRecordResponse } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

const recordsPath = (programId: string): string => `/programs/${encodeURIComponent(programId)}/academic-records`;

export interface RecordsPageQuery {
  q: string;
  limit: number;
  offset: number;
}

/** One page of the program's imported records (every read is audited by the API). */
export const fetchProgramRecords = (programId: string, { q, limit, offset }: RecordsPageQuery, signal?: AbortSignal): Promise<AcademicRecordResponse[]> =>
  apiFetch<AcademicRecordResponse[]>(recordsPath(programId), { query: { q, limit, offset }, signal });

export const deleteAcademicRecord = (programId: string, recordId: string): Promise<void> =>
  apiFetch<void>(`${recordsPath(programId)}/${encodeURIComponent(recordId)}`, { method: 'DELETE' });
