import type {
  CommitRunResponse,
  CreateMatchingRunRequest,
  CreateMentorshipRequest,
  EndMentorshipRequest,
  ExclusionRequest,
  ExclusionResponse,
  MatchingRunResponse,
  MentorshipResponse,
  MyMentorshipResponse,
} from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

const programPath = (programId: string): string => `/programs/${encodeURIComponent(programId)}`;
const runPath = (programId: string, runId: string): string => `${programPath(programId)}/matching-runs/${encodeURIComponent(runId)}`;

export const createMatchingRun = (programId: string, body: CreateMatchingRunRequest): Promise<MatchingRunResponse> =>
  apiFetch<MatchingRunResponse>(`${programPath(programId)}/matching-runs`, { method: 'POST', body });

export const fetchMatchingRuns = (programId: string, signal?: AbortSignal): Promise<MatchingRunResponse[]> =>
  apiFetch<MatchingRunResponse[]>(`${programPath(programId)}/matching-runs`, { signal });

export const fetchMatchingRun = (programId: string, runId: string, signal?: AbortSignal): Promise<MatchingRunResponse> =>
  apiFetch<MatchingRunResponse>(runPath(programId, runId), { signal });

export const commitMatchingRun = (programId: string, runId: string): Promise<CommitRunResponse> =>
  apiFetch<CommitRunResponse>(`${runPath(programId, runId)}/commit`, { method: 'POST' });

export const fetchMentorships = (programId: string, signal?: AbortSignal): Promise<MentorshipResponse[]> =>
  apiFetch<MentorshipResponse[]>(`${programPath(programId)}/mentorships`, { signal });

export const createMentorship = (programId: string, body: CreateMentorshipRequest): Promise<MentorshipResponse> =>
  apiFetch<MentorshipResponse>(`${programPath(programId)}/mentorships`, { method: 'POST', body });

export const endMentorship = (programId: string, mentorshipId: string, body: EndMentorshipRequest): Promise<MentorshipResponse> =>
  apiFetch<MentorshipResponse>(`${programPath(programId)}/mentorships/${encodeURIComponent(mentorshipId)}/end`, { method: 'POST', body });

export const fetchExclusions = (programId: string, signal?: AbortSignal): Promise<ExclusionResponse[]> =>
  apiFetch<ExclusionResponse[]>(`${programPath(programId)}/exclusions`, { signal });

export const createExclusion = (programId: string, body: ExclusionRequest): Promise<ExclusionResponse> =>
  apiFetch<ExclusionResponse>(`${programPath(programId)}/exclusions`, { method: 'POST', body });

export const deleteExclusion = (programId: string, { menteeId, mentorId }: ExclusionRequest): Promise<void> =>
  apiFetch<void>(`${programPath(programId)}/exclusions/${encodeURIComponent(menteeId)}/${encodeURIComponent(mentorId)}`, { method: 'DELETE' });

export const fetchMyMentorships = (signal?: AbortSignal): Promise<MyMentorshipResponse[]> => apiFetch<MyMentorshipResponse[]>('/me/mentorships', { signal });
