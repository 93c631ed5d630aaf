import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnrollmentRole, InvitationResponse, InvitationStatus, JoinCodeResponse } from '@pm/contracts';
import { createJoinCode, fetchInvitations, fetchJoinCodes, resendInvitation, revokeJoinCode } from '@web/features/invitations/api/invitations-api';
import { queryKeys } from '@web/lib/query-keys';

// Under the program's key: invalidating the program (an import) refreshes these too.
export const invitationKeys = {
  all: (programId: string) => [...queryKeys.programs.detail(programId), 'invitations'] as const,
  list: (programId: string, status: InvitationStatus | undefined) => [...queryKeys.programs.detail(programId), 'invitations', status ?? 'all'] as const,
  joinCodes: (programId: string) => [...queryKeys.programs.detail(programId), 'join-codes'] as const,
};

export function useInvitations(programId: string, status: InvitationStatus | undefined) {
  return useQuery<InvitationResponse[]>({
    queryKey: invitationKeys.list(programId, status),
    queryFn: ({ signal }) => fetchInvitations(programId, status, signal),
    placeholderData: keepPreviousData,
  });
}

export function useResendInvitation(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<InvitationResponse, Error, string>({
    mutationFn: (invitationId) => resendInvitation(programId, invitationId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.all(programId) }),
  });
}

export function useJoinCodes(programId: string) {
  return useQuery<JoinCodeResponse[]>({ queryKey: invitationKeys.joinCodes(programId), queryFn: ({ signal }) => fetchJoinCodes(programId, signal) });
}

export function useCreateJoinCode(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<JoinCodeResponse, Error, EnrollmentRole>({
    mutationFn: (role) => createJoinCode(programId, role),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.joinCodes(programId) }),
  });
}

export function useRevokeJoinCode(programId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (code) => revokeJoinCode(programId, code),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.joinCodes(programId) }),
  });
}
