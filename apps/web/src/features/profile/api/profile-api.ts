import type { ProfileResponse, UpdateProfileRequest } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

export const fetchProfile = (signal?: AbortSignal): Promise<ProfileResponse> => apiFetch<ProfileResponse>('/me/profile', { signal });

export const updateProfile = (body: UpdateProfileRequest): Promise<ProfileResponse> =>
  apiFetch<ProfileResponse>('/me/profile', { method: 'PUT', body });
