import type { ChatMessage, ConversationMessagesQuery, ConversationSummary } from '@pm/contracts';
import { apiFetch } from '@web/lib/api-client';

/** The caller's conversations, most recently active first, with unread counts and read receipts. */
export const fetchConversations = (signal?: AbortSignal): Promise<ConversationSummary[]> => apiFetch<ConversationSummary[]>('/conversations', { signal });

/** A page of history: the `limit` messages just before `before` (the newest without it), oldest first. */
export const fetchConversationMessages = (conversationId: string, query: ConversationMessagesQuery = {}, signal?: AbortSignal): Promise<ChatMessage[]> =>
  apiFetch<ChatMessage[]>(`/conversations/${encodeURIComponent(conversationId)}/messages`, { query: { before: query.before, limit: query.limit }, signal });
