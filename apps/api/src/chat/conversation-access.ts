import { Injectable } from '@nestjs/common';
import { conversationNotFound } from './chat.errors';
import type { ConversationMembership } from './conversation.store';
import { MembershipCache } from './membership-cache';

/**
 * The access check every chat use case starts with, on every socket event and every request: the caller must
 * be a member of the conversation now. "Now" holds although the answer usually comes from memory: the cache
 * drops a conversation as soon as the database announces a change to its membership (membership-cache.ts).
 * Anyone else gets the same "not found" as for a conversation that does not exist.
 */
@Injectable()
export class ConversationAccess {
  constructor(private readonly memberships: MembershipCache) {}

  async requireMember(callerId: string, conversationId: string): Promise<ConversationMembership> {
    const conversation = await this.memberships.get(conversationId);
    if (!conversation?.memberIds.includes(callerId)) throw conversationNotFound();
    return conversation;
  }
}
