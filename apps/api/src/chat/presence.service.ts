import { Injectable, Logger } from '@nestjs/common';
import { ChatBroadcaster } from './chat.broadcaster';
import { userRoom, type ChatSocket } from './chat.types';
import { ConversationStore } from './conversation.store';

/**
 * Online presence. A user is online while any socket of theirs is connected to any instance: each socket
 * sits in its user's room, so "is anyone left in that room, cluster-wide" answers it without keeping state
 * that a crashed instance could leave stale. Changes go to the user's contacts (everyone sharing a
 * conversation with them).
 */
@Injectable()
export class PresenceService {
  private readonly logger = new Logger('Chat');
  private readonly contacts = new WeakMap<ChatSocket, string[]>();

  constructor(
    private readonly conversations: ConversationStore,
    private readonly broadcaster: ChatBroadcaster,
  ) {}

  /** Joins the user's room at once (so nothing sent from now on is missed), then announces them. Never throws. */
  async connected(socket: ChatSocket): Promise<void> {
    const user = socket.data.user;
    await socket.join(userRoom(user.id));
    try {
      const contacts = await this.conversations.contactsOf(user.id);
      this.contacts.set(socket, contacts);
      this.broadcaster.presence(contacts, { userId: user.id, online: true });
    } catch (e) {
      this.logger.warn(`presence on connect failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Announces the user offline when this was their last socket anywhere. Never throws. */
  async disconnected(socket: ChatSocket): Promise<void> {
    const contacts = this.contacts.get(socket);
    if (!contacts || contacts.length === 0) return;
    const userId = socket.data.user.id;
    try {
      const online = await this.broadcaster.onlineAmong([userId]);
      if (!online.has(userId)) this.broadcaster.presence(contacts, { userId, online: false });
    } catch (e) {
      this.logger.warn(`presence on disconnect failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
