import type {
  AcceptForumReplyRequest,
  CreateForumReplyRequest,
  CreateForumThreadRequest,
  ForumReply,
  ForumReport,
  ForumTag,
  ForumThread,
  ForumThreadDetail,
  ReportForumPostRequest,
} from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

export interface ForumFilters {
  q?: string;
  tag?: ForumTag;
  unanswered?: boolean;
  pinned?: boolean;
}

const programForum = (programId: string): string => `/programs/${encodeURIComponent(programId)}/forum`;
const thread = (threadId: string): string => `/forum/threads/${encodeURIComponent(threadId)}`;
const post = (postId: string): string => `/forum/posts/${encodeURIComponent(postId)}`;

export const fetchThreads = (programId: string, filters: ForumFilters, before: string | undefined, limit: number, signal?: AbortSignal): Promise<ForumThread[]> =>
  apiFetch<ForumThread[]>(`${programForum(programId)}/threads`, {
    query: {
      q: filters.q?.trim() || undefined,
      tag: filters.tag,
      unanswered: filters.unanswered ? 'true' : undefined,
      pinned: filters.pinned === undefined ? undefined : String(filters.pinned),
      before,
      limit,
    },
    signal,
  });

export const createThread = (programId: string, body: CreateForumThreadRequest): Promise<ForumThread> =>
  apiFetch<ForumThread>(`${programForum(programId)}/threads`, { method: 'POST', body });

export const fetchThread = (threadId: string, signal?: AbortSignal): Promise<ForumThreadDetail> => apiFetch<ForumThreadDetail>(thread(threadId), { signal });

export const createReply = (threadId: string, body: CreateForumReplyRequest): Promise<ForumReply> =>
  apiFetch<ForumReply>(`${thread(threadId)}/replies`, { method: 'POST', body });

export const acceptReply = (threadId: string, body: AcceptForumReplyRequest): Promise<ForumThread> =>
  apiFetch<ForumThread>(`${thread(threadId)}/accept`, { method: 'POST', body });

export const pinThread = (threadId: string, pinned: boolean): Promise<ForumThread> =>
  apiFetch<ForumThread>(`${thread(threadId)}/pin`, { method: 'POST', body: { pinned } });

export const setPostHidden = (postId: string, hidden: boolean): Promise<{ id: string; hiddenAt: string | null }> =>
  apiFetch(`${post(postId)}/${hidden ? 'hide' : 'restore'}`, { method: 'POST' });

export const reportPost = (postId: string, body: ReportForumPostRequest): Promise<{ id: string }> =>
  apiFetch<{ id: string }>(`${post(postId)}/report`, { method: 'POST', body });

export const fetchReports = (programId: string, signal?: AbortSignal): Promise<ForumReport[]> => apiFetch<ForumReport[]>(`${programForum(programId)}/reports`, { signal });

export const dismissReport = (reportId: string): Promise<void> => apiFetch<void>(`/forum/reports/${encodeURIComponent(reportId)}/dismiss`, { method: 'POST' });
