import type { CreateUserRequest, StaffRole, UserResponse, UserSummary } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

export const createStaffAccount = (body: CreateUserRequest): Promise<UserResponse> =>
  apiFetch<UserResponse>('/users', { method: 'POST', body });

export const fetchStaff = (role: StaffRole, signal?: AbortSignal): Promise<UserSummary[]> =>
  apiFetch<UserSummary[]>('/users', { query: { role }, signal });
