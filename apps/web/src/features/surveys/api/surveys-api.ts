import type { SurveyItemResponse, SurveyItemSet, SurveySubmission, SurveySummaryResponse, SurveyWave, SurveyWavesResponse, UpdateSurveyItemsRequest } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

const programPath = (programId: string): string => `/programs/${encodeURIComponent(programId)}`;

// `lang`: when this read is the program's first, its default statements are written in the reader's language.
export const fetchSurveyItems = (programId: string, language: 'en' | 'fa', signal?: AbortSignal): Promise<SurveyItemResponse[]> =>
  apiFetch<SurveyItemResponse[]>(`${programPath(programId)}/survey-items`, { query: { lang: language }, signal });

export const updateSurveyItems = (programId: string, request: UpdateSurveyItemsRequest): Promise<SurveyItemResponse[]> =>
  apiFetch<SurveyItemResponse[]>(`${programPath(programId)}/survey-items`, { method: 'PUT', body: request });

export const fetchSurveySummary = (programId: string, language: 'en' | 'fa', signal?: AbortSignal): Promise<SurveySummaryResponse> =>
  apiFetch<SurveySummaryResponse>(`${programPath(programId)}/survey-summary`, { query: { lang: language }, signal });

/** A mentee of the program: which waves of the survey they may still answer. */
export const fetchSurveyWaves = (programId: string, signal?: AbortSignal): Promise<SurveyWavesResponse> =>
  apiFetch<SurveyWavesResponse>(`${programPath(programId)}/survey-waves`, { signal });

/** Coordinators: the ready sets of statements, in the reader's language. */
export const fetchSurveyItemSets = (language: 'en' | 'fa', signal?: AbortSignal): Promise<SurveyItemSet[]> =>
  apiFetch<SurveyItemSet[]>('/survey-item-sets', { query: { lang: language }, signal });

export interface WaveSubmission extends SurveySubmission {
  wave: SurveyWave;
}

export const submitSurvey = (programId: string, submission: WaveSubmission): Promise<{ id: string }> =>
  apiFetch<{ id: string }>(`${programPath(programId)}/survey-responses`, { method: 'POST', body: submission });
