import { useEffect } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FORUM_PAGE_DEFAULT, type CreateForumThreadRequest, type ForumReply, type ForumThread } from '@pm/contracts';
import {
  acceptReply,
  createReply,
  createThread,
  dismissReport,
  fetchReports,
  fetchThread,
  fetchThreads,
  pinThread,
  reportPost,
  setPostHidden,
  type ForumFilters,
} from '@web/features/forum/api/forum-api';
import { subscribeToForumPosts } from '@web/features/forum/api/forum-live';

/** Every forum query key: `all` covers them all, so a live event refreshes whatever is on screen. */
export const forumKeys = {
  all: ['forum'] as const,
  threads: (programId: string, filters: ForumFilters) => ['forum', 'program', programId, 'threads', filters] as const,
  thread: (threadId: string) => ['forum', 'thread', threadId] as const,
  reports: (programId: string) => ['forum', 'program', programId, 'reports'] as const,
};

/** Threads newest first, a page at a time (the cursor is the oldest thread shown). */
export function useForumThreads(programId: string, filters: ForumFilters) {
  return useInfiniteQuery({
    queryKey: forumKeys.threads(programId, filters),
    queryFn: ({ pageParam, signal }) => fetchThreads(programId, filters, pageParam, FORUM_PAGE_DEFAULT, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: ForumThread[]) => (last.length < FORUM_PAGE_DEFAULT ? undefined : last[last.length - 1]?.id),
  });
}

export function useForumThread(threadId: string) {
  return useQuery({ queryKey: forumKeys.thread(threadId), queryFn: ({ signal }) => fetchThread(threadId, signal) });
}

export function useForumReports(programId: string, enabled: boolean) {
  return useQuery({ queryKey: forumKeys.reports(programId), queryFn: ({ signal }) => fetchReports(programId, signal), enabled });
}

/** New threads and replies appear without reloading: a `forum:post` refreshes the forum queries on screen. */
export function useForumLive(): void {
  const queryClient = useQueryClient();
  useEffect(() => subscribeToForumPosts(() => void queryClient.invalidateQueries({ queryKey: forumKeys.all })), [queryClient]);
}

function useForumMutation<TArgs, TResult>(mutationFn: (args: TArgs) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation<TResult, Error, TArgs>({
    mutationFn,
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: forumKeys.all }),
  });
}

export const useAskQuestion = (programId: string) => useForumMutation((body: CreateForumThreadRequest) => createThread(programId, body));
export const useReply = (threadId: string) => useForumMutation((body: string): Promise<ForumReply> => createReply(threadId, { body }));
export const useAcceptReply = (threadId: string) => useForumMutation((replyId: string) => acceptReply(threadId, { replyId }));
export const usePinThread = (threadId: string) => useForumMutation((pinned: boolean) => pinThread(threadId, pinned));
export const useSetPostHidden = () => useForumMutation(({ postId, hidden }: { postId: string; hidden: boolean }) => setPostHidden(postId, hidden));
export const useReportPost = () => useForumMutation(({ postId, reason }: { postId: string; reason: string }) => reportPost(postId, { reason }));
export const useDismissReport = () => useForumMutation((reportId: string) => dismissReport(reportId));
