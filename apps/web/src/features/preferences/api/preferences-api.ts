import type { PreferencesRequest, PreferencesResponse, RankingCandidate } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

const programPath = (programId: string): string => `/programs/${encodeURIComponent(programId)}`;

export const fetchRankingCandidates = (programId: string, signal?: AbortSignal): Promise<RankingCandidate[]> =>
  apiFetch<RankingCandidate[]>(`${programPath(programId)}/ranking-candidates`, { signal });

export const fetchMyPreferences = (programId: string, signal?: AbortSignal): Promise<PreferencesResponse> =>
  apiFetch<PreferencesResponse>(`${programPath(programId)}/preferences/me`, { signal });

export const savePreferences = (programId: string, rankedUserIds: string[]): Promise<PreferencesResponse> =>
  apiFetch<PreferencesResponse>(`${programPath(programId)}/preferences`, { method: 'POST', body: { rankedUserIds } satisfies PreferencesRequest });
