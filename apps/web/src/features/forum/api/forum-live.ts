import { io, type Socket } from 'socket.io-client';
import { CHAT_NAMESPACE, type ChatClientToServerEvents, type ChatServerToClientEvents, type ForumPostEvent } from '@pm/contracts';
import { appTokens } from '@web/lib/api-client';

type Listener = (event: ForumPostEvent) => void;

const listeners = new Set<Listener>();
let socket: Socket<ChatServerToClientEvents, ChatClientToServerEvents> | null = null;

/**
 * `forum:post` arrives on the same `/chat` namespace as the chat. While a forum page is open it holds one
 * socket for the events (ref-counted: opened by the first subscriber, closed after the last). A refused
 * handshake (an expired token) renews the session once and tries again; socket.io reconnects by itself after
 * network failures, presenting the current token each time.
 */
export function subscribeToForumPosts(listener: Listener): () => void {
  listeners.add(listener);
  if (!socket) {
    const s: Socket<ChatServerToClientEvents, ChatClientToServerEvents> = io(CHAT_NAMESPACE, {
      auth: (callback) => callback({ token: appTokens.getAccessToken() ?? '' }),
      transports: ['websocket', 'polling'],
    });
    let renewed = false;
    s.on('forum:post', (event) => {
      for (const l of listeners) l(event);
    });
    s.on('connect', () => {
      renewed = false;
    });
    s.on('connect_error', () => {
      if (s.active || renewed) return;
      renewed = true;
      const stale = appTokens.getAccessToken();
      if (!stale) return;
      void appTokens.refresh(stale).then((fresh) => {
        if (fresh && socket === s) s.connect();
      });
    });
    socket = s;
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && socket) {
      socket.disconnect();
      socket = null;
    }
  };
}
