import type { CreateUserRequest, StaffRole, UserAccountResponse, UserResponse, UserSummary } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

export const createStaffAccount = (body: CreateUserRequest): Promise<UserResponse> =>
  apiFetch<UserResponse>('/users', { method: 'POST', body });

export const fetchStaff = (role: StaffRole, signal?: AbortSignal): Promise<UserSummary[]> =>
  apiFetch<UserSummary[]>('/users', { query: { role }, signal });

export const setAccountActive = (userId: string, active: boolean): Promise<UserAccountResponse> =>
  apiFetch<UserAccountResponse>(`/users/${encodeURIComponent(userId)}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' });
