import { Injectable, Logger } from '@nestjs/common';
import type { ChatMessage, ForumPostEvent, Notification, PresenceUpdate, ReadReceipt, TypingUpdate } from '@pm/contracts';
import { userRoom, type ChatNamespace } from './chat.types';

/**
 * Everything the chat sends to clients goes through here, to the rooms of the users concerned. The namespace's
 * adapter (PostgreSQL or Redis, see chat-io.adapter.ts) carries each emit to the other API instances, whose
 * sockets in those rooms receive it too.
 */
@Injectable()
export class ChatBroadcaster {
  private readonly logger = new Logger('Chat');
  private nsp?: ChatNamespace;

  /** Called by the gateway once socket.io has created the namespace. */
  attach(nsp: ChatNamespace): void {
    this.nsp = nsp;
  }

  messageNew(userIds: string[], message: ChatMessage): void {
    if (userIds.length > 0) this.namespace().to(userIds.map(userRoom)).emit('message:new', message);
  }

  read(userIds: string[], update: ReadReceipt & { conversationId: string }): void {
    if (userIds.length > 0) this.namespace().to(userIds.map(userRoom)).emit('read:update', update);
  }

  typing(userIds: string[], update: TypingUpdate): void {
    if (userIds.length > 0) this.namespace().to(userIds.map(userRoom)).emit('typing:update', update);
  }

  presence(userIds: string[], update: PresenceUpdate): void {
    if (userIds.length > 0) this.namespace().to(userIds.map(userRoom)).emit('presence:update', update);
  }

  /** A new forum thread or reply, to the program's members (the event names ids only: readers fetch what they may see). */
  forumPost(userIds: string[], event: ForumPostEvent): void {
    if (userIds.length > 0) this.namespace().to(userIds.map(userRoom)).emit('forum:post', event);
  }

  /**
   * To this instance's sockets of the user only: every instance hears of each committed notification by
   * itself (NotificationsPush), so going through the adapter as well would deliver it twice.
   */
  notificationLocal(userId: string, notification: Notification): void {
    this.nsp?.local.to(userRoom(userId)).emit('notification:new', notification);
  }

  /**
   * Closes every socket of a user, on every instance (the adapter carries the request to the others): their
   * sign-ins ended (password changed, account deactivated). Clients see `disconnect` with reason
   * "io server disconnect" and do not reconnect by themselves; their old token is refused if they try.
   */
  disconnectUser(userId: string): void {
    this.namespace().in(userRoom(userId)).disconnectSockets(true);
  }

  /**
   * Which of these users have a socket on any instance. When another instance does not answer in time (it
   * crashed and the adapter has not noticed yet), this instance's own sockets are the best answer there is.
   */
  async onlineAmong(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rooms = userIds.map(userRoom);
    const nsp = this.namespace();
    let sockets;
    try {
      sockets = await nsp.in(rooms).fetchSockets();
    } catch (e) {
      this.logger.warn(`presence across instances failed, answering from this one: ${e instanceof Error ? e.message : String(e)}`);
      sockets = await nsp.local.in(rooms).fetchSockets();
    }
    return new Set(sockets.map((s) => s.data.user.id));
  }

  private namespace(): ChatNamespace {
    if (!this.nsp) throw new Error('ChatBroadcaster used before the gateway was initialised');
    return this.nsp;
  }
}
