import type { Socket } from 'socket.io-client';
import { CHAT_NAMESPACE, type ChatClientToServerEvents, type ChatServerToClientEvents, type Notification } from '@pm/contracts';

type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

export interface NotificationStreamHandlers {
  onNotification: (notification: Notification) => void;
  /** Connected or reconnected: anything pushed while away is not replayed, so re-read the count and list. */
  onConnect: () => void;
}

export interface NotificationStream {
  /** The app renewed its session: tell the open socket, so it outlives the old access token. */
  tokenChanged: (token: string) => void;
  close: () => void;
}

/**
 * A socket of its own on `/chat` for `notification:new`, open on every signed-in page (the chat's own client
 * lives on the chat page only). `getToken` is asked before every connection attempt.
 */
export function openNotificationStream(getToken: () => string | null, handlers: NotificationStreamHandlers): NotificationStream {
  let socket: ChatSocket | undefined;
  let closed = false;
  // socket.io's client is loaded on demand, as the chat page does, so it stays out of the first bundle.
  void import('socket.io-client').then(({ io }) => {
    if (closed) return;
    socket = io(CHAT_NAMESPACE, { auth: (callback) => callback({ token: getToken() ?? '' }), transports: ['websocket', 'polling'] });
    socket.on('notification:new', handlers.onNotification);
    socket.on('connect', handlers.onConnect);
  });
  return {
    tokenChanged: (token) => {
      if (socket?.connected) socket.emit('auth:refresh', { token }, () => undefined);
    },
    close: () => {
      closed = true;
      socket?.removeAllListeners();
      socket?.disconnect();
    },
  };
}
