/**
 * The socket.io event map of the `/chat` namespace, shared by the gateway and the web client so the two
 * cannot drift apart. The chat issue fills in the handlers; the names and payloads are fixed by the contract.
 */
export interface ChatMessage {
  id: string;
  conversationId: string;
  senderId: string;
  body: string;
  clientMessageId: string;
  createdAt: string;
}

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: string };

export interface ConversationJoinPayload {
  conversationId: string;
  afterMessageId?: string;
}

export interface MessageSendPayload {
  conversationId: string;
  body: string;
  clientMessageId: string;
}

export interface ChatClientToServerEvents {
  'conversation:join': (payload: ConversationJoinPayload, ack: (res: Ack<{ missed: ChatMessage[] }>) => void) => void;
  'message:send': (payload: MessageSendPayload, ack: (res: Ack<{ message: ChatMessage }>) => void) => void;
}

export interface ChatServerToClientEvents {
  'message:new': (message: ChatMessage) => void;
}

export const CHAT_NAMESPACE = '/chat';
