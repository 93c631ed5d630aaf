import type {
  AgreementResponse,
  AgreementTemplate,
  CheckInRequest,
  CheckInResponse,
  CloseReferralRequest,
  CreateReferralRequest,
  DueCheckIn,
  MentorHoursRow,
  MyReferral,
  PairHealthRow,
  PairSessionLogRow,
  PairStatus,
  ProgramSessionLogRow,
  ReferralResponse,
  SessionForCoordinator,
  SessionLogForPair,
  SessionLogRequest,
  SessionWithLog,
  SignAgreementRequest,
  UpdateAgreementRequest,
} from '@pm/contracts';
import { apiFetch, appTokens } from '@web/lib/api-client';
import { apiErrorFrom } from '@web/lib/api-error';

const mentorshipPath = (id: string): string => `/mentorships/${encodeURIComponent(id)}`;
const programPath = (id: string): string => `/programs/${encodeURIComponent(id)}`;

export const fetchAgreement = (mentorshipId: string, signal?: AbortSignal): Promise<AgreementResponse> =>
  apiFetch<AgreementResponse>(`${mentorshipPath(mentorshipId)}/agreement`, { signal });
export const saveAgreement = (mentorshipId: string, body: UpdateAgreementRequest): Promise<AgreementResponse> =>
  apiFetch<AgreementResponse>(`${mentorshipPath(mentorshipId)}/agreement`, { method: 'PUT', body });
export const signAgreement = (mentorshipId: string, body: SignAgreementRequest): Promise<AgreementResponse> =>
  apiFetch<AgreementResponse>(`${mentorshipPath(mentorshipId)}/agreement/sign`, { method: 'POST', body });
export const setGoalAchieved = (mentorshipId: string, goalId: string, achieved: boolean): Promise<AgreementResponse> =>
  apiFetch<AgreementResponse>(`${mentorshipPath(mentorshipId)}/agreement/goals/${encodeURIComponent(goalId)}/achieved`, { method: 'PUT', body: { achieved } });

export const fetchTemplate = (programId: string, signal?: AbortSignal): Promise<AgreementTemplate> =>
  apiFetch<AgreementTemplate>(`${programPath(programId)}/agreement-template`, { signal });
export const saveTemplate = (programId: string, body: AgreementTemplate): Promise<AgreementTemplate> =>
  apiFetch<AgreementTemplate>(`${programPath(programId)}/agreement-template`, { method: 'PUT', body });

export const fetchSession = (sessionId: string, signal?: AbortSignal): Promise<SessionWithLog | SessionForCoordinator> =>
  apiFetch<SessionWithLog | SessionForCoordinator>(`/sessions/${encodeURIComponent(sessionId)}`, { signal });
export const saveSessionLog = (sessionId: string, body: SessionLogRequest): Promise<SessionLogForPair> =>
  apiFetch<SessionLogForPair>(`/sessions/${encodeURIComponent(sessionId)}/log`, { method: 'PUT', body });
export const fetchPairLogs = (mentorshipId: string, signal?: AbortSignal): Promise<Array<PairSessionLogRow | ProgramSessionLogRow>> =>
  apiFetch<Array<PairSessionLogRow | ProgramSessionLogRow>>(`${mentorshipPath(mentorshipId)}/session-logs`, { signal });

export const fetchCheckIns = (mentorshipId: string, signal?: AbortSignal): Promise<CheckInResponse[]> =>
  apiFetch<CheckInResponse[]>(`${mentorshipPath(mentorshipId)}/check-ins`, { signal });
export const postCheckIn = (mentorshipId: string, body: CheckInRequest): Promise<CheckInResponse> =>
  apiFetch<CheckInResponse>(`${mentorshipPath(mentorshipId)}/check-ins`, { method: 'POST', body });
export const fetchDueCheckIns = (signal?: AbortSignal): Promise<DueCheckIn[]> => apiFetch<DueCheckIn[]>('/me/check-ins/due', { signal });

export const postReferral = (programId: string, body: CreateReferralRequest): Promise<MyReferral> =>
  apiFetch<MyReferral>(`${programPath(programId)}/referrals`, { method: 'POST', body });
export const fetchMyReferrals = (signal?: AbortSignal): Promise<MyReferral[]> => apiFetch<MyReferral[]>('/me/referrals', { signal });
export const fetchReferrals = (programId: string, signal?: AbortSignal): Promise<ReferralResponse[]> =>
  apiFetch<ReferralResponse[]>(`${programPath(programId)}/referrals`, { signal });
export const closeReferral = (programId: string, referralId: string, body: CloseReferralRequest): Promise<ReferralResponse> =>
  apiFetch<ReferralResponse>(`${programPath(programId)}/referrals/${encodeURIComponent(referralId)}/close`, { method: 'POST', body });

export const fetchPairHealth = (programId: string, status: PairStatus | undefined, signal?: AbortSignal): Promise<PairHealthRow[]> =>
  apiFetch<PairHealthRow[]>(`${programPath(programId)}/health`, { query: { status }, signal });

export const fetchMentorHours = (programId: string, signal?: AbortSignal): Promise<MentorHoursRow[]> =>
  apiFetch<MentorHoursRow[]>(`${programPath(programId)}/mentor-hours`, { signal });

/** A file of the API fetched with the caller's token (a plain link would carry none). */
async function authorizedBlob(path: string): Promise<Blob> {
  const send = (token: string | null): Promise<Response> => fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const sent = appTokens.getAccessToken();
  let response = await send(sent);
  if (response.status === 401 && sent) {
    const retry = await appTokens.refresh(sent);
    if (retry) response = await send(retry);
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return response.blob();
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function downloadMentorHoursCsv(programId: string): Promise<void> {
  saveBlob(await authorizedBlob(`${programPath(programId)}/mentor-hours.csv`), 'mentor-hours.csv');
}

export async function downloadSessionLogsCsv(programId: string): Promise<void> {
  saveBlob(await authorizedBlob(`${programPath(programId)}/session-logs/export.csv`), 'session-logs.csv');
}

/** The printable certificate, opened in a new tab (the window is opened first, so no pop-up blocker stops it). */
export async function openCertificate(programId: string, mentorId: string, lang: 'en' | 'fa'): Promise<void> {
  const win = window.open('', '_blank');
  try {
    const blob = await authorizedBlob(`${programPath(programId)}/mentor-hours/${encodeURIComponent(mentorId)}/certificate?lang=${lang}`);
    const url = URL.createObjectURL(new Blob([await blob.text()], { type: 'text/html' }));
    if (win) win.location.href = url;
    else window.location.href = url;
  } catch (e) {
    win?.close();
    throw e;
  }
}
