import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AttendanceRequest, CreateSessionRequest, UpdateSessionRequest } from '@pm/contracts';
import { createSession, markAttendance, updateSession } from '@web/features/sessions/api/sessions-api';
import { queryKeys } from '@web/lib/query-keys';

function useRefreshSessions() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.mySessions }),
      queryClient.invalidateQueries({ queryKey: ['mentorships'] }),
    ]);
}

export function useBookSession() {
  const refresh = useRefreshSessions();
  return useMutation({ mutationFn: (body: CreateSessionRequest) => createSession(body), onSuccess: refresh });
}

export function useUpdateSession() {
  const refresh = useRefreshSessions();
  return useMutation({ mutationFn: ({ sessionId, body }: { sessionId: string; body: UpdateSessionRequest }) => updateSession(sessionId, body), onSuccess: refresh });
}

export function useMarkAttendance() {
  const refresh = useRefreshSessions();
  return useMutation({ mutationFn: ({ sessionId, body }: { sessionId: string; body: AttendanceRequest }) => markAttendance(sessionId, body), onSuccess: refresh });
}
