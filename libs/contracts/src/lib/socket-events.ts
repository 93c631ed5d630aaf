import type { ChatErrorCode, ReadReceipt } from './chat';
import type { ForumPostEvent } from './forum';
import type { Notification } from './notifications';

/**
 * The socket.io event map of the `/chat` namespace, shared by the gateway and the web client so the two
 * cannot drift apart. The names and payloads of `conversation:join`, `message:send` and `message:new` are
 * fixed by the contract; the others (typing, read receipts, presence) are ours to extend.
 */
export interface ChatMessage {
  id: string;
  conversationId: string;
  senderId: string;
  body: string;
  clientMessageId: string;
  createdAt: string;
  /**
   * Position in the conversation: 1, 2, 3… in storage order, without gaps (unless an account was erased). A
   * client that sees a jump knows it missed something and joins again from its last contiguous message.
   */
  seq: number;
}

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: string; code?: ChatErrorCode; retryAfterMs?: number };

export interface ConversationJoinPayload {
  conversationId: string;
  afterMessageId?: string;
}

export interface MessageSendPayload {
  conversationId: string;
  body: string;
  clientMessageId: string;
}

export interface TypingSetPayload {
  conversationId: string;
  typing: boolean;
}

export interface ConversationReadPayload {
  conversationId: string;
  /** The newest message the reader has seen; a receipt never moves backwards. */
  messageId: string;
}

export interface PresenceQueryPayload {
  conversationId: string;
}

export interface AuthRefreshPayload {
  /** A fresh access token of the same user, so a long-lived socket outlives the 15-minute token. */
  token: string;
}

export interface ConversationJoinResult {
  /** Every message after `afterMessageId`, oldest first (at most MAX_MISSED_MESSAGES; see `hasMore`). */
  missed: ChatMessage[];
  /** True when more messages follow the last one in `missed`: join again with it as `afterMessageId`. */
  hasMore: boolean;
  /** Read receipts of every member. */
  readReceipts: ReadReceipt[];
}

export interface TypingUpdate {
  conversationId: string;
  userId: string;
  typing: boolean;
}

export interface PresenceUpdate {
  userId: string;
  online: boolean;
}

export interface ServerShutdownNotice {
  /** The server is going away; the client reconnects by itself (to another instance) after about this long. */
  reconnectAfterMs: number;
}

export interface ChatClientToServerEvents {
  'conversation:join': (payload: ConversationJoinPayload, ack: (res: Ack<ConversationJoinResult>) => void) => void;
  'message:send': (payload: MessageSendPayload, ack: (res: Ack<{ message: ChatMessage }>) => void) => void;
  'typing:set': (payload: TypingSetPayload, ack?: (res: Ack<object>) => void) => void;
  'conversation:read': (payload: ConversationReadPayload, ack: (res: Ack<{ receipt: ReadReceipt }>) => void) => void;
  /** Which members of a conversation are connected right now, on any instance. */
  'presence:query': (payload: PresenceQueryPayload, ack: (res: Ack<{ online: string[] }>) => void) => void;
  'auth:refresh': (payload: AuthRefreshPayload, ack: (res: Ack<{ expiresAt: string }>) => void) => void;
}

/** The name of an event a client emits on `/chat`. */
export type ChatClientEvent = keyof ChatClientToServerEvents;

/**
 * Every client event, as a value: one key per event of ChatClientToServerEvents, so an event added to the
 * interface and not here (or listed here and not there) does not compile. Tests walk it to check each event.
 */
const CHAT_CLIENT_EVENT_SET: { readonly [E in ChatClientEvent]: true } = {
  'conversation:join': true,
  'message:send': true,
  'typing:set': true,
  'conversation:read': true,
  'presence:query': true,
  'auth:refresh': true,
};
export const CHAT_CLIENT_EVENTS = Object.keys(CHAT_CLIENT_EVENT_SET) as readonly ChatClientEvent[];

export interface ChatServerToClientEvents {
  'message:new': (message: ChatMessage) => void;
  /** Another member started or stopped typing (show it for TYPING_TTL_MS unless renewed). */
  'typing:update': (update: TypingUpdate) => void;
  /** A member's read receipt moved forward (the caller's own too, for their other devices). */
  'read:update': (update: ReadReceipt & { conversationId: string }) => void;
  /** Someone sharing a conversation with the caller came online or went offline everywhere. */
  'presence:update': (update: PresenceUpdate) => void;
  'server:shutdown': (notice: ServerShutdownNotice) => void;
  /** A new thread or reply in a forum of one of the caller's programs (fetch it over HTTP: the event carries no text). */
  'forum:post': (event: ForumPostEvent) => void;
  /** A notification of the caller's was stored (CONTRACT.md "Reaching people outside the page"). */
  'notification:new': (notification: Notification) => void;
}

export const CHAT_NAMESPACE = '/chat';
