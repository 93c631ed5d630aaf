import type { SurveyItemResponse, SurveySubmission, SurveySummaryResponse, UpdateSurveyItemsRequest } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

const programPath = (programId: string): string => `/programs/${encodeURIComponent(programId)}`;

// `lang`: when this read is the program's first, its default statements are written in the reader's language.
export const fetchSurveyItems = (programId: string, language: 'en' | 'fa', signal?: AbortSignal): Promise<SurveyItemResponse[]> =>
  apiFetch<SurveyItemResponse[]>(`${programPath(programId)}/survey-items`, { query: { lang: language }, signal });

export const updateSurveyItems = (programId: string, request: UpdateSurveyItemsRequest): Promise<SurveyItemResponse[]> =>
  apiFetch<SurveyItemResponse[]>(`${programPath(programId)}/survey-items`, { method: 'PUT', body: request });

export const fetchSurveySummary = (programId: string, language: 'en' | 'fa', signal?: AbortSignal): Promise<SurveySummaryResponse> =>
  apiFetch<SurveySummaryResponse>(`${programPath(programId)}/survey-summary`, { query: { lang: language }, signal });

export const submitSurvey = (programId: string, submission: SurveySubmission): Promise<{ id: string }> =>
  apiFetch<{ id: string }>(`${programPath(programId)}/survey-responses`, { method: 'POST', body: submission });
