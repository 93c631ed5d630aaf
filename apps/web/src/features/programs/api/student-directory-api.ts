import { Role, type UserSummary } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

/** Students whose name or email contains `search`; the API caps the number of rows. */
export const searchStudents = (search: string, signal?: AbortSignal): Promise<UserSummary[]> =>
  apiFetch<UserSummary[]>('/users', { query: { role: Role.Student, q: search.trim() || undefined }, signal });
