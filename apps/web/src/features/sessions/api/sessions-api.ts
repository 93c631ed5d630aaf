import type {
  AttendanceRequest,
  AvailabilityRequest,
  AvailabilityResponse,
  CalendarFeedResponse,
  CalendarFeedStatusResponse,
  CreateSessionRequest,
  CreateSessionResponse,
  SessionResponse,
  SlotsResponse,
  UpdateSessionRequest,
} from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

const sessionPath = (sessionId: string): string => `/sessions/${encodeURIComponent(sessionId)}`;

export const fetchMySessions = (signal?: AbortSignal): Promise<SessionResponse[]> => apiFetch<SessionResponse[]>('/me/sessions', { signal });

export const createSession = (body: CreateSessionRequest): Promise<CreateSessionResponse> =>
  apiFetch<CreateSessionResponse>('/sessions', { method: 'POST', body });

export const updateSession = (sessionId: string, body: UpdateSessionRequest): Promise<SessionResponse> =>
  apiFetch<SessionResponse>(sessionPath(sessionId), { method: 'PATCH', body });

export const markAttendance = (sessionId: string, body: AttendanceRequest): Promise<SessionResponse> =>
  apiFetch<SessionResponse>(`${sessionPath(sessionId)}/attendance`, { method: 'PUT', body });

export interface SlotsQuery {
  from: string;
  to: string;
  timeZone: string;
  durationMinutes: number;
}

export const fetchSlots = (mentorshipId: string, query: SlotsQuery, signal?: AbortSignal): Promise<SlotsResponse> =>
  apiFetch<SlotsResponse>(`/mentorships/${encodeURIComponent(mentorshipId)}/slots`, { query: { ...query }, signal });

export const fetchMyAvailability = (signal?: AbortSignal): Promise<AvailabilityResponse> => apiFetch<AvailabilityResponse>('/me/availability', { signal });

export const publishAvailability = (body: AvailabilityRequest): Promise<AvailabilityResponse> =>
  apiFetch<AvailabilityResponse>('/me/availability', { method: 'PUT', body });

export const withdrawAvailability = (): Promise<void> => apiFetch<void>('/me/availability', { method: 'DELETE' });

export const fetchCalendarFeed = (signal?: AbortSignal): Promise<CalendarFeedStatusResponse> =>
  apiFetch<CalendarFeedStatusResponse>('/me/calendar-feed', { signal });

export const createCalendarFeed = (): Promise<CalendarFeedResponse> => apiFetch<CalendarFeedResponse>('/me/calendar-feed', { method: 'POST' });

export const replaceCalendarFeed = (): Promise<CalendarFeedResponse> => apiFetch<CalendarFeedResponse>('/me/calendar-feed/replace', { method: 'POST' });

export const revokeCalendarFeed = (): Promise<void> => apiFetch<void>('/me/calendar-feed', { method: 'DELETE' });
