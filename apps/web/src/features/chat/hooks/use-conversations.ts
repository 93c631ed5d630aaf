import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConversationSummary } from '@pm/contracts';
import { fetchConversations } from '@web/features/chat/api/chat-api';
import { applyMessage, applyReceipt } from '@web/features/chat/api/conversation-summaries';
import { queryKeys } from '@web/lib/query-keys';
import { useChatClient } from './use-chat-client';

/**
 * The caller's conversations with unread counts, kept current from the socket: a new message or read receipt
 * updates the cached list in place, and a reconnect refetches it (anything may have happened meanwhile).
 */
export function useConversations() {
  const client = useChatClient();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.conversations, queryFn: ({ signal }) => fetchConversations(signal) });

  useEffect(
    () =>
      client.onEvent((event) => {
        const key = queryKeys.conversations;
        const refetch = (): void => void queryClient.invalidateQueries({ queryKey: key });
        if (event.type === 'resynced') return refetch();
        const list = queryClient.getQueryData<ConversationSummary[]>(key);
        if (!list) return;
        const next = event.type === 'message' ? applyMessage(list, event.message, client.currentUserId) : applyReceipt(list, event.update, client.currentUserId);
        if (next) queryClient.setQueryData(key, next);
        else refetch();
      }),
    [client, queryClient],
  );

  const { data } = query;
  useEffect(() => {
    if (data) client.watchPresence(data.map((c) => ({ id: c.id, memberIds: c.participants.map((p) => p.id) })));
  }, [client, data]);

  return query;
}
