import type { EnrollmentRole, InvitationResponse, InvitationStatus, JoinCodeResponse } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

const programPath = (programId: string): string => `/programs/${encodeURIComponent(programId)}`;

export const fetchInvitations = (programId: string, status: InvitationStatus | undefined, signal?: AbortSignal): Promise<InvitationResponse[]> =>
  apiFetch<InvitationResponse[]>(`${programPath(programId)}/invitations`, { query: { status }, signal });

export const resendInvitation = (programId: string, invitationId: string): Promise<InvitationResponse> =>
  apiFetch<InvitationResponse>(`${programPath(programId)}/invitations/${encodeURIComponent(invitationId)}/resend`, { method: 'POST' });

export const fetchJoinCodes = (programId: string, signal?: AbortSignal): Promise<JoinCodeResponse[]> =>
  apiFetch<JoinCodeResponse[]>(`${programPath(programId)}/join-codes`, { signal });

export const createJoinCode = (programId: string, role: EnrollmentRole): Promise<JoinCodeResponse> =>
  apiFetch<JoinCodeResponse>(`${programPath(programId)}/join-codes`, { method: 'POST', body: { role } });

export const revokeJoinCode = (programId: string, code: string): Promise<void> =>
  apiFetch<void>(`${programPath(programId)}/join-codes/${encodeURIComponent(code)}`, { method: 'DELETE' });
