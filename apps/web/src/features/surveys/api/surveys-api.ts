import type { SurveyItemResponse, SurveySubmission, SurveySummaryResponse, UpdateSurveyItemsRequest } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

const programPath = (programId: string): string => `/programs/${encodeURIComponent(programId)}`;

export const fetchSurveyItems = (programId: string, signal?: AbortSignal): Promise<SurveyItemResponse[]> => apiFetch<SurveyItemResponse[]>(`${programPath(programId)}/survey-items`, { signal });

export const updateSurveyItems = (programId: string, request: UpdateSurveyItemsRequest): Promise<SurveyItemResponse[]> =>
  apiFetch<SurveyItemResponse[]>(`${programPath(programId)}/survey-items`, { method: 'PUT', body: request });

export const fetchSurveySummary = (programId: string, signal?: AbortSignal): Promise<SurveySummaryResponse> =>
  apiFetch<SurveySummaryResponse>(`${programPath(programId)}/survey-summary`, { signal });

export const submitSurvey = (programId: string, submission: SurveySubmission): Promise<{ id: string }> =>
  apiFetch<{ id: string }>(`${programPath(programId)}/survey-responses`, { method: 'POST', body: submission });
