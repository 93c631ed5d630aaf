import { Injectable, Logger } from '@nestjs/common';
import type { ChatMessage, ForumPostEvent, Notification, PresenceUpdate, ReadReceipt, TypingUpdate } from '@pm/contracts';
import { userRoom, type ChatNamespace, type MessageDelivery } from './chat.types';

/**
 * Everything the chat sends to clients goes through here, to the rooms of the users concerned. The namespace's
 * adapter (PostgreSQL or Redis, see chat-io.adapter.ts) carries each emit to the other API instances, whose
 * sockets in those rooms receive it too; new messages cross per batch (messageNew).
 */
@Injectable()
export class ChatBroadcaster {
  private readonly logger = new Logger('Chat');
  private nsp?: ChatNamespace;
  /** New messages delivered here and not yet sent to the other instances. */
  private outgoing: MessageDelivery[] = [];
  /** Set once the app is closing: the adapter is about to close, and publishing after that kept it alive. */
  private detached = false;

  /** Called by the gateway once socket.io has created the namespace. */
  attach(nsp: ChatNamespace): void {
    this.nsp = nsp;
    nsp.on('chat:messages', (deliveries) => {
      for (const d of deliveries) nsp.local.to(d.userIds.map(userRoom)).emit('message:new', d.message);
    });
  }

  /** Called by the gateway when the app closes, after the events in flight have been answered. */
  detach(): void {
    this.detached = true;
  }

  /**
   * To this instance's sockets at once; to the other instances' with the rest of the batch. The appender
   * announces a committed batch's messages one after the other in one synchronous loop, so a microtask later
   * the whole batch is here and crosses as ONE publish (one NOTIFY, with PostgreSQL), not one per message; the
   * adapter keeps publishes in order (chat-io.adapter.ts), so every instance delivers in the same order.
   */
  messageNew(userIds: string[], message: ChatMessage): void {
    if (userIds.length === 0) return;
    this.namespace().local.to(userIds.map(userRoom)).emit('message:new', message);
    if (this.detached) return;
    if (this.outgoing.push({ userIds, message }) === 1) queueMicrotask(() => void this.publishMessages());
  }

  read(userIds: string[], update: ReadReceipt & { conversationId: string }): void {
    if (userIds.length > 0) this.toUsers(userIds).emit('read:update', update);
  }

  typing(userIds: string[], update: TypingUpdate): void {
    if (userIds.length > 0) this.toUsers(userIds).emit('typing:update', update);
  }

  presence(userIds: string[], update: PresenceUpdate): void {
    if (userIds.length > 0) this.toUsers(userIds).emit('presence:update', update);
  }

  /** A new forum thread or reply, to the program's members (the event names ids only: readers fetch what they may see). */
  forumPost(userIds: string[], event: ForumPostEvent): void {
    if (userIds.length > 0) this.toUsers(userIds).emit('forum:post', event);
  }

  /**
   * To this instance's sockets of the user only: every instance hears of each committed notification by
   * itself (NotificationsPush), so going through the adapter as well would deliver it twice.
   */
  notificationLocal(userId: string, notification: Notification): void {
    this.nsp?.local.to(userRoom(userId)).emit('notification:new', notification);
  }

  /**
   * Whether the user has a socket on this instance (in-memory rooms only, no question to other instances): a
   * socket joins its user's room when it connects (PresenceService).
   */
  isConnectedHere(userId: string): boolean {
    return this.nsp?.adapter.rooms.has(userRoom(userId)) ?? false;
  }

  /**
   * Closes every socket of a user, on every instance (the adapter carries the request to the others): their
   * sign-ins ended (password changed, account deactivated). Clients see `disconnect` with reason
   * "io server disconnect" and do not reconnect by themselves; their old token is refused if they try.
   */
  disconnectUser(userId: string): void {
    this.toUsers([userId]).disconnectSockets(true);
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

  /**
   * Publishes only when the adapter knows another instance: alone (one instance, as often deployed) a publish
   * would cost a NOTIFY per batch for nobody. The adapter learns of an instance from the heartbeat it sends when
   * it starts, before that instance takes connections. Every call awaits the count the same way (a settled
   * promise with PostgreSQL, one Redis reply in order with Redis), so batches still go out in order.
   */
  private async publishMessages(): Promise<void> {
    const deliveries = this.outgoing.splice(0);
    const nsp = this.namespace();
    try {
      if ((await nsp.adapter.serverCount()) < 2 || this.detached) return;
      nsp.serverSideEmit('chat:messages', deliveries);
    } catch (e) {
      // Live delivery is best effort: the other instances' clients catch up with conversation:join.
      this.logger.warn(`chat fan-out to the other instances failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * The users' rooms on every instance; once detached (the app is closing), on this one only. The adapter's
   * connection closes right after, and an emit that a socket's disconnect set off (a presence update) would
   * otherwise publish on a closed Redis client, an error nobody awaits.
   */
  private toUsers(userIds: string[]) {
    const nsp = this.namespace();
    return (this.detached ? nsp.local : nsp).to(userIds.map(userRoom));
  }

  private namespace(): ChatNamespace {
    if (!this.nsp) throw new Error('ChatBroadcaster used before the gateway was initialised');
    return this.nsp;
  }
}
