import { Injectable } from '@nestjs/common';
import { conversationNotFound } from './chat.errors';
import { ConversationStore, type ConversationMembership } from './conversation.store';

/**
 * The access check every chat use case starts with, on every socket event and every request, never cached:
 * the caller must be a member of the conversation now. Anyone else gets the same "not found" as for a
 * conversation that does not exist.
 */
@Injectable()
export class ConversationAccess {
  constructor(private readonly conversations: ConversationStore) {}

  async requireMember(callerId: string, conversationId: string): Promise<ConversationMembership> {
    const conversation = await this.conversations.membership(conversationId);
    if (!conversation?.memberIds.includes(callerId)) throw conversationNotFound();
    return conversation;
  }
}
