import type { AddCoordinatorRequest, CoordinatorResponse, CreateEnrollmentRequest, CreateProgramRequest, EnrollmentResponse, ProgramResponse, UpdateEnrollmentRequest } from '@pm/contracts';
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

export const updateEnrollment = (programId: string, enrollmentId: string, body: UpdateEnrollmentRequest): Promise<EnrollmentResponse> =>
  apiFetch<EnrollmentResponse>(`${programPath(programId)}/enrollments/${encodeURIComponent(enrollmentId)}`, { method: 'PATCH', body });

export const removeEnrollment = (programId: string, enrollmentId: string): Promise<void> =>
  apiFetch<void>(`${programPath(programId)}/enrollments/${encodeURIComponent(enrollmentId)}`, { method: 'DELETE' });

export const fetchCoordinators = (programId: string, signal?: AbortSignal): Promise<CoordinatorResponse[]> =>
  apiFetch<CoordinatorResponse[]>(`${programPath(programId)}/coordinators`, { signal });

export const addCoordinator = (programId: string, body: AddCoordinatorRequest): Promise<CoordinatorResponse> =>
  apiFetch<CoordinatorResponse>(`${programPath(programId)}/coordinators`, { method: 'POST', body });
