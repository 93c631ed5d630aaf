import type { Namespace, Socket } from 'socket.io';
import type { ChatClientToServerEvents, ChatMessage, ChatServerToClientEvents, Role } from '@pm/contracts';

/** Who is on a chat socket, as the handshake found them. */
export interface ChatUser {
  id: string;
  fullName: string;
  role: Role;
}

/**
 * `socket.data`: kept small and plain, because the cluster adapter ships it to other instances when they ask
 * who is connected (presence). Per-socket state that stays local lives in the event runner instead.
 */
export interface ChatSocketData {
  user: ChatUser;
  /** When the access token presented at the handshake (or the last `auth:refresh`) expires, in ms since the epoch. */
  tokenExpiresAt: number;
}

/** One new message and whom it goes to. */
export interface MessageDelivery {
  userIds: string[];
  message: ChatMessage;
}

/** Between API instances, through the cluster adapter (`serverSideEmit`). */
export interface ChatInterServerEvents {
  /** The new messages of one committed batch, in the order they were delivered on the sending instance. */
  'chat:messages': (deliveries: MessageDelivery[]) => void;
}

export type ChatNamespace = Namespace<ChatClientToServerEvents, ChatServerToClientEvents, ChatInterServerEvents, ChatSocketData>;
export type ChatSocket = Socket<ChatClientToServerEvents, ChatServerToClientEvents, ChatInterServerEvents, ChatSocketData>;

/**
 * Every socket joins its user's room at connect, and everything is sent to the rooms of a conversation's
 * current members (read from the database at the time), so a member removed from a group stops receiving at
 * once, wherever their sockets are connected.
 */
export const userRoom = (userId: string): string => `user:${userId}`;
