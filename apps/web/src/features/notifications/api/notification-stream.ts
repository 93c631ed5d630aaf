import type { Notification } from '@pm/contracts';

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
 * `notification:new` on every signed-in page, over the app's shared `/chat` connection (the chat and the forum
 * use the same one). Nothing is opened without a token (`getToken`); the connection itself presents the app's
 * current token at every handshake.
 */
export function openNotificationStream(getToken: () => string | null, handlers: NotificationStreamHandlers): NotificationStream {
  let detach: (() => void) | undefined;
  let closed = false;
  // socket.io's client is loaded on demand, as the chat page does, so it stays out of the first bundle.
  const loading = import('@web/features/chat/api/app-connection').then(({ appConnection }) => {
    const connection = appConnection();
    if (closed || getToken() === null) return connection;
    const off = [connection.on('notification:new', handlers.onNotification), connection.onConnect(() => handlers.onConnect())];
    const release = connection.retain();
    detach = () => {
      for (const unsubscribe of off) unsubscribe();
      release();
    };
    // Held already by another feature: connected before this stream listened, so re-read now.
    if (connection.connected) handlers.onConnect();
    return connection;
  });
  return {
    tokenChanged: (token) => {
      void loading.then((connection) => {
        if (!closed) connection.tokenChanged(token);
      });
    },
    close: () => {
      closed = true;
      detach?.();
      detach = undefined;
    },
  };
}
