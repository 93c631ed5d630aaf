import type { AuthResponse, LoginRequest, RefreshRequest, RegisterRequest, UserResponse } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

// The session calls carry no bearer token, so a 401 from them is an answer, never a reason to refresh.

export const login = (body: LoginRequest): Promise<AuthResponse> =>
  apiFetch<AuthResponse>('/auth/login', { method: 'POST', body, auth: false });

export const registerStudent = (body: RegisterRequest): Promise<AuthResponse> =>
  apiFetch<AuthResponse>('/auth/register', { method: 'POST', body, auth: false });

export const renewSession = (refreshToken: string): Promise<AuthResponse> =>
  apiFetch<AuthResponse>('/auth/refresh', { method: 'POST', body: { refreshToken } satisfies RefreshRequest, auth: false });

export const logout = (refreshToken: string): Promise<void> =>
  apiFetch<void>('/auth/logout', { method: 'POST', body: { refreshToken } satisfies RefreshRequest, auth: false });

export const fetchMe = (): Promise<UserResponse> => apiFetch<UserResponse>('/me');
