import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AcceptInvitationRequest, AcceptInvitationResponse, AuthResponse, JoinCodePreviewResponse, JoinResponse, OidcExchangeResponse } from '@pm/contracts';
import { sessionFrom, sessionStore } from '@web/features/auth/api/session-store';
import { acceptInvitation, exchangeOidcCode, fetchOidcStatus, joinProgram, previewInvitation, previewJoinCode } from '@web/features/onboarding/api/onboarding-api';
import { queryKeys } from '@web/lib/query-keys';

const startSession = (queryClient: ReturnType<typeof useQueryClient>, auth: AuthResponse): void => {
  // Whatever is cached belongs to whoever used this browser before.
  queryClient.removeQueries();
  sessionStore.set(sessionFrom(auth));
};

export function useInvitationPreview(token: string) {
  return useQuery({ queryKey: ['invitation', token], queryFn: ({ signal }) => previewInvitation(token, signal), enabled: token.length > 0, retry: false });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation<AcceptInvitationResponse, Error, AcceptInvitationRequest>({ mutationFn: acceptInvitation, onSuccess: (auth) => startSession(queryClient, auth) });
}

/** Whether the school's sign-in is configured; the button stays hidden until the API says yes. */
export function useOidcStatus() {
  return useQuery({ queryKey: ['auth', 'oidc'], queryFn: ({ signal }) => fetchOidcStatus(signal), staleTime: Infinity, retry: false });
}

export function useOidcExchange() {
  const queryClient = useQueryClient();
  return useMutation<OidcExchangeResponse, Error, string>({ mutationFn: exchangeOidcCode, onSuccess: (auth) => startSession(queryClient, auth) });
}

export function useJoinCodePreview(code: string) {
  return useQuery<JoinCodePreviewResponse>({ queryKey: ['join-code', code], queryFn: ({ signal }) => previewJoinCode(code, signal), enabled: code.length > 0, retry: false });
}

export function useJoinProgram() {
  const queryClient = useQueryClient();
  return useMutation<JoinResponse, Error, string>({
    mutationFn: joinProgram,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.programs.all }),
  });
}
