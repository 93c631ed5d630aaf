import { io, type Socket } from 'socket.io-client';
import { CHAT_NAMESPACE, type ChatClientToServerEvents, type ChatServerToClientEvents, type TypingSetPayload } from '@pm/contracts';

/** Client events answered with an ack (every one but `typing:set`, which is fire-and-forget here). */
export type AckedEvent = Exclude<keyof ChatClientToServerEvents, 'typing:set'>;
export type PayloadOf<E extends keyof ChatClientToServerEvents> = Parameters<ChatClientToServerEvents[E]>[0];
export type AckOf<E extends AckedEvent> = Parameters<Parameters<ChatClientToServerEvents[E]>[1]>[0];

/** A handshake refusal: socket.io's `connect_error`, with the server's code (`UNAUTHENTICATED`…) when it sent one. */
export interface ConnectFailure {
  message: string;
  code?: string;
}

export type HandshakeAuth = (callback: (data: { token: string }) => void) => void;

/**
 * The little of socket.io the chat client uses, so its logic can be tested against a fake and never has to
 * know socket.io's own types.
 */
export interface ChatTransport {
  readonly connected: boolean;
  /** True while socket.io retries by itself; false after a refused handshake or `disconnect()`. */
  readonly active: boolean;
  connect(): void;
  disconnect(): void;
  on<E extends keyof ChatServerToClientEvents>(event: E, listener: ChatServerToClientEvents[E]): void;
  onConnect(listener: () => void): void;
  onDisconnect(listener: (reason: string) => void): void;
  onConnectError(listener: (failure: ConnectFailure) => void): void;
  /** Emits and resolves with the ack; rejects when none comes within `timeoutMs`. */
  request<E extends AckedEvent>(event: E, payload: PayloadOf<E>, timeoutMs: number): Promise<AckOf<E>>;
  notifyTyping(payload: TypingSetPayload): void;
  /** Disconnects for good and forgets every listener. */
  close(): void;
}

/**
 * Creates a transport; `auth` is asked for the token before every connection attempt, so a reconnect after the
 * app renewed its session presents the fresh token.
 */
export type ChatTransportFactory = (auth: HandshakeAuth) => ChatTransport;

type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

const codeOf = (data: unknown): string | undefined => {
  if (typeof data !== 'object' || data === null) return undefined;
  const code = (data as Record<string, unknown>)['code'];
  return typeof code === 'string' ? code : undefined;
};

/** The real transport: socket.io on the `/chat` namespace of the page's own origin (the API serves both). */
export const createSocketTransport: ChatTransportFactory = (auth) => {
  const socket: ChatSocket = io(CHAT_NAMESPACE, { auth, autoConnect: false });
  // Sends are made only while connected; anything older is the outbox's to resend, not socket.io's buffer's.
  const untyped = socket as unknown as {
    timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
    on(event: string, listener: (...args: never[]) => void): void;
  };
  return {
    get connected() {
      return socket.connected;
    },
    get active() {
      return socket.active;
    },
    connect: () => {
      socket.connect();
    },
    disconnect: () => {
      socket.disconnect();
    },
    on: (event, listener) => {
      untyped.on(event, listener);
    },
    onConnect: (listener) => {
      socket.on('connect', listener);
    },
    onDisconnect: (listener) => {
      socket.on('disconnect', (reason) => listener(reason));
    },
    onConnectError: (listener) => {
      socket.on('connect_error', (error: Error & { data?: unknown }) => listener({ message: error.message, code: codeOf(error.data) }));
    },
    request: <E extends AckedEvent>(event: E, payload: PayloadOf<E>, timeoutMs: number) => untyped.timeout(timeoutMs).emitWithAck(event, payload) as Promise<AckOf<E>>,
    notifyTyping: (payload) => {
      socket.emit('typing:set', payload);
    },
    close: () => {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
};
