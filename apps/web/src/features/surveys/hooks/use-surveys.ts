import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateSurveyItemsRequest } from '@pm/contracts';
import {
  fetchSurveyItemSets,
  fetchSurveyItems,
  fetchSurveySummary,
  fetchSurveyWaves,
  submitSurvey,
  updateSurveyItems,
  type WaveSubmission,
} from '@web/features/surveys/api/surveys-api';
import { isApiError } from '@web/lib/api-error';
import type { Language } from '@web/lib/i18n';
import { queryKeys } from '@web/lib/query-keys';
import { useLanguage } from '@web/lib/use-language';

// The language only matters the first time a program's survey is read (it picks the default statements'
// language), so it stays out of the query keys.
export function useSurveyItems(programId: string) {
  const [language] = useLanguage();
  return useQuery({ queryKey: queryKeys.programs.surveyItems(programId), queryFn: ({ signal }) => fetchSurveyItems(programId, language, signal) });
}

export function useSurveySummary(programId: string) {
  const [language] = useLanguage();
  return useQuery({ queryKey: queryKeys.programs.surveySummary(programId), queryFn: ({ signal }) => fetchSurveySummary(programId, language, signal) });
}

/** A mentee: which waves of the survey are open to them and which they have answered. */
export function useSurveyWaves(programId: string) {
  return useQuery({ queryKey: queryKeys.programs.surveyWaves(programId), queryFn: ({ signal }) => fetchSurveyWaves(programId, signal) });
}

/** Coordinators: the ready sets of statements, written in `language`. */
export function useSurveyItemSets(language: Language) {
  return useQuery({ queryKey: queryKeys.surveyItemSets(language), queryFn: ({ signal }) => fetchSurveyItemSets(language, signal) });
}

export function useUpdateSurveyItems(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateSurveyItemsRequest) => updateSurveyItems(programId, request),
    onSuccess: async (items) => {
      queryClient.setQueryData(queryKeys.programs.surveyItems(programId), items);
      await queryClient.invalidateQueries({ queryKey: queryKeys.programs.surveySummary(programId) });
    },
  });
}

/**
 * A mentee answers one wave. Afterwards (and after a 409: the wave was answered elsewhere, or the baseline closed
 * when mentoring began) the waves are read again, so the page moves on to what is still open.
 */
export function useSubmitSurvey(programId: string) {
  const queryClient = useQueryClient();
  const refreshWaves = () => void queryClient.invalidateQueries({ queryKey: queryKeys.programs.surveyWaves(programId) });
  return useMutation({
    mutationFn: (submission: WaveSubmission) => submitSurvey(programId, submission),
    onSuccess: refreshWaves,
    onError: (error) => {
      if (isApiError(error) && error.statusCode === 409) refreshWaves();
    },
  });
}
