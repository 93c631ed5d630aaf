import type { ChatMessage } from './socket-events';

/** Longest message body, in characters (Unicode code points, as PostgreSQL's `char_length` counts them). */
export const MAX_MESSAGE_LENGTH = 4000;
/** Longest `clientMessageId`; a UUID fits comfortably. */
export const MAX_CLIENT_MESSAGE_ID_LENGTH = 100;
/** `GET /api/conversations/:id/messages`: default and largest `limit`. */
export const DEFAULT_HISTORY_LIMIT = 50;
export const MAX_HISTORY_LIMIT = 200;
/** Most messages one `conversation:join` returns; past it the ack says `hasMore` and the client joins again from the last one. */
export const MAX_MISSED_MESSAGES = 1000;
/** A `typing:update` with `typing: true` should be shown for this long unless renewed; clients renew every few seconds while typing. */
export const TYPING_TTL_MS = 6000;

export const ConversationKind = {
  /** The mentor and the mentee of one mentorship. */
  Mentorship: 'mentorship',
  /** A mentor and every mentee they have in one program (created once they have two or more). */
  Group: 'group',
} as const;
export type ConversationKind = (typeof ConversationKind)[keyof typeof ConversationKind];
export const CONVERSATION_KINDS: readonly ConversationKind[] = Object.values(ConversationKind);

/** Machine-readable `code` of a failed chat ack (`{ok: false, error, code}`). */
export const ChatErrorCode = {
  InvalidPayload: 'INVALID_PAYLOAD',
  EmptyMessage: 'EMPTY_MESSAGE',
  MessageTooLong: 'MESSAGE_TOO_LONG',
  ConversationNotFound: 'CONVERSATION_NOT_FOUND',
  ConversationReadOnly: 'CONVERSATION_READ_ONLY',
  MessageNotFound: 'MESSAGE_NOT_FOUND',
  InvalidMessageCursor: 'INVALID_MESSAGE_CURSOR',
  RateLimited: 'RATE_LIMITED',
  Unauthenticated: 'UNAUTHENTICATED',
  ShuttingDown: 'SHUTTING_DOWN',
  /** The database is away for a moment: send again after retryAfterMs, with the same clientMessageId (stored once). */
  Unavailable: 'UNAVAILABLE',
  Internal: 'INTERNAL',
} as const;
export type ChatErrorCode = (typeof ChatErrorCode)[keyof typeof ChatErrorCode];

export interface ConversationParticipant {
  id: string;
  fullName: string;
  /** Their part in the conversation's mentorship(s). */
  role: 'mentor' | 'mentee';
}

/** One member's read receipt: the last message they have read. */
export interface ReadReceipt {
  userId: string;
  lastReadMessageId: string;
  readAt: string;
}

/** An item of `GET /api/conversations`. */
export interface ConversationSummary {
  id: string;
  kind: ConversationKind;
  programId: string;
  programName: string;
  /** The mentorship of a `mentorship` conversation; null for a group. */
  mentorshipId: string | null;
  /** The mentor of the pair or of the group. */
  mentorId: string;
  /** Everyone in the conversation except the caller. */
  participants: ConversationParticipant[];
  lastMessage: ChatMessage | null;
  /** Messages from others after the caller's read receipt. */
  unreadCount: number;
  /** The caller's own read receipt, null before they read anything. */
  lastReadMessageId: string | null;
  /** Read receipts of the other participants. */
  readReceipts: ReadReceipt[];
  /** True once the mentorship ended: the history stays readable, nothing new can be sent. */
  readOnly: boolean;
}

export interface ConversationMessagesQuery {
  /** A message id of this conversation: the page ends just before it. Without it, the newest messages. */
  before?: string;
  /** 1-200, default 50. */
  limit?: number;
}
