import type { AuditEntryResponse } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

export interface AuditLogFilter {
  /** An action, or a family of them with a trailing dot (`records.`); empty for all. */
  action: string;
  /** YYYY-MM-DD, inclusive; empty for no bound. */
  from: string;
  to: string;
}

export const fetchAuditLogPage = (programId: string, filter: AuditLogFilter, limit: number, offset: number, signal?: AbortSignal): Promise<AuditEntryResponse[]> =>
  apiFetch<AuditEntryResponse[]>(`/programs/${encodeURIComponent(programId)}/audit-log`, { query: { ...filter, limit, offset }, signal });
