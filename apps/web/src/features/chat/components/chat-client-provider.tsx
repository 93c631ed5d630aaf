import { useEffect, useState, type ReactNode } from 'react';
import { sessionStore } from '@web/features/auth/api/session-store';
import { fetchConversationMessages } from '@web/features/chat/api/chat-api';
import { appConnection } from '@web/features/chat/api/app-connection';
import { ChatClient } from '@web/features/chat/api/chat-client';
import { createSocketTransport } from '@web/features/chat/api/chat-transport';
import { ChatClientContext } from '@web/features/chat/hooks/use-chat-client';
import { appTokens } from '@web/lib/api-client';

/**
 * Runs the user's chat client while the chat is on screen, over the app's shared connection. When the app renews
 * its session (after a 401 anywhere), the open socket is told with `auth:refresh`; reconnects present the current
 * token by themselves.
 * Key it by user id, so another account never inherits the client.
 */
export function ChatClientProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const [client] = useState(
    () =>
      new ChatClient({
        userId,
        transport: createSocketTransport,
        tokens: appTokens,
        // The app's one socket, which notifications and the forum listen on too.
        connection: appConnection(),
        fetchHistory: (conversationId, query) => fetchConversationMessages(conversationId, query),
      }),
  );

  useEffect(() => {
    client.start();
    let token = sessionStore.get()?.accessToken ?? null;
    const unsubscribe = sessionStore.subscribe(() => {
      const session = sessionStore.get();
      const next = session && session.user.id === userId ? session.accessToken : null;
      if (next === token) return;
      token = next;
      client.tokenChanged(next);
    });
    return () => {
      unsubscribe();
      client.stop();
    };
  }, [client, userId]);

  return <ChatClientContext value={client}>{children}</ChatClientContext>;
}
