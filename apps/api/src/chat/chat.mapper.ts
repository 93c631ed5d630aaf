import type { ChatMessage, ReadReceipt } from '@pm/contracts';

/** A chat_message row as the raw queries of MessageStore return it. */
export interface MessageRow {
  id: string;
  conversation_id: string;
  /** bigint: node-postgres returns it as a string. */
  seq: string;
  sender_id: string;
  body: string;
  client_message_id: string;
  created_at: Date;
}

export interface ReadRow {
  conversation_id: string;
  user_id: string;
  last_read_message_id: string;
  read_at: Date;
}

export const toChatMessage = (row: MessageRow): ChatMessage => ({
  id: row.id,
  conversationId: row.conversation_id,
  senderId: row.sender_id,
  body: row.body,
  clientMessageId: row.client_message_id,
  createdAt: row.created_at.toISOString(),
  seq: Number(row.seq),
});

export const toReadReceipt = (row: ReadRow): ReadReceipt => ({
  userId: row.user_id,
  lastReadMessageId: row.last_read_message_id,
  readAt: row.read_at.toISOString(),
});
