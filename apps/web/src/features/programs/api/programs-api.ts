import type { CreateEnrollmentRequest, CreateProgramRequest, EnrollmentResponse, ProgramResponse } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

const programPath = (programId: string): string => `/programs/${encodeURIComponent(programId)}`;

export const fetchMyPrograms = (signal?: AbortSignal): Promise<ProgramResponse[]> => apiFetch<ProgramResponse[]>('/programs', { signal });

export const fetchProgram = (programId: string, signal?: AbortSignal): Promise<ProgramResponse> =>
  apiFetch<ProgramResponse>(programPath(programId), { signal });

export const createProgram = (body: CreateProgramRequest): Promise<ProgramResponse> =>
  apiFetch<ProgramResponse>('/programs', { method: 'POST', body });

export const fetchEnrollments = (programId: string, signal?: AbortSignal): Promise<EnrollmentResponse[]> =>
  apiFetch<EnrollmentResponse[]>(`${programPath(programId)}/enrollments`, { signal });

export const createEnrollment = (programId: string, body: CreateEnrollmentRequest): Promise<EnrollmentResponse> =>
  apiFetch<EnrollmentResponse>(`${programPath(programId)}/enrollments`, { method: 'POST', body });
