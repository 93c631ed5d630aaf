import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SurveySubmission, UpdateSurveyItemsRequest } from '@pm/contracts';
import { fetchSurveyItems, fetchSurveySummary, submitSurvey, updateSurveyItems } from '@web/features/surveys/api/surveys-api';
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

export function useSubmitSurvey(programId: string) {
  return useMutation({ mutationFn: (submission: SurveySubmission) => submitSurvey(programId, submission) });
}
