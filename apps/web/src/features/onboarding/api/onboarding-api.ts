import type {
  AcceptInvitationRequest,
  AcceptInvitationResponse,
  InvitationPreviewResponse,
  JoinCodePreviewResponse,
  JoinResponse,
  OidcExchangeResponse,
  OidcStatusResponse,
} from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

// The invite page and the school sign-in run before anyone is signed in: no bearer token, no refresh.

export const previewInvitation = (token: string, signal?: AbortSignal): Promise<InvitationPreviewResponse> =>
  apiFetch<InvitationPreviewResponse>(`/auth/invitations/${encodeURIComponent(token)}`, { signal, auth: false });

export const acceptInvitation = (body: AcceptInvitationRequest): Promise<AcceptInvitationResponse> =>
  apiFetch<AcceptInvitationResponse>('/auth/invitations/accept', { method: 'POST', body, auth: false });

export const fetchOidcStatus = (signal?: AbortSignal): Promise<OidcStatusResponse> => apiFetch<OidcStatusResponse>('/auth/oidc', { signal, auth: false });

export const exchangeOidcCode = (code: string): Promise<OidcExchangeResponse> =>
  apiFetch<OidcExchangeResponse>('/auth/oidc/exchange', { method: 'POST', body: { code }, auth: false });

/** Where the browser goes to start the school sign-in (a full page load: the provider's pages follow). */
export const oidcStartUrl = (invitationToken?: string): string =>
  `/api/auth/oidc/start${invitationToken ? `?invitation=${encodeURIComponent(invitationToken)}` : ''}`;

export const previewJoinCode = (code: string, signal?: AbortSignal): Promise<JoinCodePreviewResponse> =>
  apiFetch<JoinCodePreviewResponse>(`/join-codes/${encodeURIComponent(code)}`, { signal });

export const joinProgram = (code: string): Promise<JoinResponse> => apiFetch<JoinResponse>('/join', { method: 'POST', body: { code } });
