import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ChatClient, ChatSnapshot } from '@web/features/chat/api/chat-client';

/** Provided by ChatClientProvider: the signed-in user's chat client (over the app's one shared connection). */
export const ChatClientContext = createContext<ChatClient | null>(null);

export function useChatClient(): ChatClient {
  const client = useContext(ChatClientContext);
  if (!client) throw new Error('useChatClient is only available inside <ChatClientProvider>');
  return client;
}

/** The client's state; re-renders on every change (connection, messages, outbox, typing, presence). */
export function useChatSnapshot(): ChatSnapshot {
  const client = useChatClient();
  return useSyncExternalStore(client.subscribe, client.getSnapshot);
}
