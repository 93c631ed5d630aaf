import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgreementTemplate, CheckInRequest, PairStatus, SessionLogRequest, UpdateAgreementRequest } from '@pm/contracts';
import {
  closeReferral,
  fetchAgreement,
  fetchCheckIns,
  fetchDueCheckIns,
  fetchMentorHours,
  fetchMyReferrals,
  fetchPairHealth,
  fetchPairLogs,
  fetchReferrals,
  fetchSession,
  fetchTemplate,
  postCheckIn,
  postReferral,
  saveAgreement,
  saveSessionLog,
  saveTemplate,
  setGoalAchieved,
  signAgreement,
} from '@web/features/relationship/api/relationship-api';

/** Keys of this feature, nested so that one invalidation refreshes a pair's whole page. */
export const relationshipKeys = {
  pair: (mentorshipId: string) => ['relationship', 'pair', mentorshipId] as const,
  agreement: (mentorshipId: string) => ['relationship', 'pair', mentorshipId, 'agreement'] as const,
  logs: (mentorshipId: string) => ['relationship', 'pair', mentorshipId, 'logs'] as const,
  checkIns: (mentorshipId: string) => ['relationship', 'pair', mentorshipId, 'check-ins'] as const,
  session: (sessionId: string) => ['relationship', 'session', sessionId] as const,
  dueCheckIns: ['relationship', 'me', 'due-check-ins'] as const,
  myReferrals: ['relationship', 'me', 'referrals'] as const,
  program: (programId: string) => ['relationship', 'program', programId] as const,
  health: (programId: string, status: PairStatus | undefined) => ['relationship', 'program', programId, 'health', status ?? 'all'] as const,
  referrals: (programId: string) => ['relationship', 'program', programId, 'referrals'] as const,
  template: (programId: string) => ['relationship', 'program', programId, 'template'] as const,
  hours: (programId: string) => ['relationship', 'program', programId, 'hours'] as const,
};

export const useAgreement = (mentorshipId: string) =>
  useQuery({ queryKey: relationshipKeys.agreement(mentorshipId), queryFn: ({ signal }) => fetchAgreement(mentorshipId, signal) });

function useAgreementMutation<V>(mentorshipId: string, fn: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: relationshipKeys.pair(mentorshipId) }) });
}

export const useSaveAgreement = (mentorshipId: string) => useAgreementMutation(mentorshipId, (body: UpdateAgreementRequest) => saveAgreement(mentorshipId, body));
export const useSignAgreement = (mentorshipId: string) => useAgreementMutation(mentorshipId, (version: number) => signAgreement(mentorshipId, { version }));
export const useGoalAchieved = (mentorshipId: string) =>
  useAgreementMutation(mentorshipId, ({ goalId, achieved }: { goalId: string; achieved: boolean }) => setGoalAchieved(mentorshipId, goalId, achieved));

export const usePairLogs = (mentorshipId: string) => useQuery({ queryKey: relationshipKeys.logs(mentorshipId), queryFn: ({ signal }) => fetchPairLogs(mentorshipId, signal) });

export const useCheckIns = (mentorshipId: string, enabled: boolean) =>
  useQuery({ queryKey: relationshipKeys.checkIns(mentorshipId), queryFn: ({ signal }) => fetchCheckIns(mentorshipId, signal), enabled });

export function usePostCheckIn(mentorshipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckInRequest) => postCheckIn(mentorshipId, body),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: relationshipKeys.pair(mentorshipId) }), client.invalidateQueries({ queryKey: relationshipKeys.dueCheckIns })]),
  });
}

export const useDueCheckIns = (enabled = true) => useQuery({ queryKey: relationshipKeys.dueCheckIns, queryFn: ({ signal }) => fetchDueCheckIns(signal), enabled });

export const useSession = (sessionId: string) => useQuery({ queryKey: relationshipKeys.session(sessionId), queryFn: ({ signal }) => fetchSession(sessionId, signal) });

export function useSaveSessionLog(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionLogRequest) => saveSessionLog(sessionId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['relationship'] }),
  });
}

export const useMyReferrals = () => useQuery({ queryKey: relationshipKeys.myReferrals, queryFn: ({ signal }) => fetchMyReferrals(signal) });

export function usePostReferral() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ programId, message, urgency }: { programId: string; message: string; urgency: 'routine' | 'soon' | 'urgent' }) => postReferral(programId, { message, urgency }),
    onSuccess: () => client.invalidateQueries({ queryKey: relationshipKeys.myReferrals }),
  });
}

export const useReferrals = (programId: string) => useQuery({ queryKey: relationshipKeys.referrals(programId), queryFn: ({ signal }) => fetchReferrals(programId, signal) });

export function useCloseReferral(programId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ referralId, note }: { referralId: string; note: string }) => closeReferral(programId, referralId, { note }),
    onSuccess: () => client.invalidateQueries({ queryKey: relationshipKeys.program(programId) }),
  });
}

export const usePairHealth = (programId: string, status: PairStatus | undefined) =>
  useQuery({ queryKey: relationshipKeys.health(programId, status), queryFn: ({ signal }) => fetchPairHealth(programId, status, signal) });

export const useTemplate = (programId: string) => useQuery({ queryKey: relationshipKeys.template(programId), queryFn: ({ signal }) => fetchTemplate(programId, signal) });

export function useSaveTemplate(programId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AgreementTemplate) => saveTemplate(programId, body),
    onSuccess: (saved) => client.setQueryData(relationshipKeys.template(programId), saved),
  });
}

export const useMentorHours = (programId: string) => useQuery({ queryKey: relationshipKeys.hours(programId), queryFn: ({ signal }) => fetchMentorHours(programId, signal) });
