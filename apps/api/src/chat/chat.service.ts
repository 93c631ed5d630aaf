import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isForeignKeyViolation } from '@api/database/database-errors';
import { DomainEvents } from '@api/events/domain-events';
import { MAX_MISSED_MESSAGES, type ChatMessage, type ConversationJoinResult, type ReadReceipt } from '@pm/contracts';
import { ChatBroadcaster } from './chat.broadcaster';
import { conversationNotFound, conversationReadOnly, invalidMessageCursor, messageNotFound } from './chat.errors';
import { toChatMessage, toReadReceipt } from './chat.mapper';
import type { ChatUser } from './chat.types';
import { ConversationAccess } from './conversation-access';
import type { JoinConversationDto, ReadMessageDto, SendMessageDto, TypingDto, PresenceQueryDto } from './dto/chat-events.dto';
import { seqOfMessageId } from './message-id';
import { assertValidBody } from './message-rules';
import { MessageAppender } from './message-appender';
import { MessageStore } from './message.store';

/**
 * A write refused because it refers to an account or a conversation deleted a moment ago: the database has
 * announced the change, but this instance has not heard it yet, and the membership came from memory
 * (MembershipCache). The caller is no member any more, and is told so rather than given an internal error.
 */
function gone(e: unknown): never {
  throw isForeignKeyViolation(e) ? conversationNotFound() : e;
}

/** The use cases behind the /chat socket events. Each starts with the membership check. */
@Injectable()
export class ChatService {
  constructor(
    private readonly access: ConversationAccess,
    private readonly messages: MessageStore,
    private readonly appender: MessageAppender,
    private readonly broadcaster: ChatBroadcaster,
    private readonly events: DomainEvents,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Catch-up after a (re)connect: every message after the client's last one, oldest first, and the receipts. */
  async join(user: ChatUser, dto: JoinConversationDto): Promise<ConversationJoinResult> {
    const conversation = await this.access.requireMember(user.id, dto.conversationId);
    const afterSeq = dto.afterMessageId ? seqOf(dto.afterMessageId, 'afterMessageId') : undefined;
    // One more than returned, to know whether the client has to come back for the rest.
    const rows = afterSeq === undefined ? [] : await this.messages.after(conversation.id, afterSeq, MAX_MISSED_MESSAGES + 1);
    const receipts = await this.messages.readReceipts([conversation.id]);
    // Opening a conversation counts as reading it, for unread-message notifications.
    await this.events.publish(this.dataSource.manager, 'conversation.opened', { conversationId: conversation.id, userId: user.id }).catch(gone);
    return {
      missed: rows.slice(0, MAX_MISSED_MESSAGES).map(toChatMessage),
      hasMore: rows.length > MAX_MISSED_MESSAGES,
      readReceipts: receipts.filter((r) => conversation.memberIds.includes(r.user_id)).map(toReadReceipt),
    };
  }

  /**
   * Stores the message, then tells every member. The ack (the return value) is sent only after the row is
   * committed; a resend of a clientMessageId already stored returns that message and tells no one again.
   *
   * Order has one mechanism: the MessageAppender stores and announces a conversation's messages in the order
   * `append` is called. A socket's events arrive in order, and nothing between their arrival and `append`
   * can reorder two sends of one conversation: validation is synchronous and membership lookups of one
   * conversation resolve in the order asked (MembershipCache; from memory, at once, almost always). So a client
   * that sends a, b without waiting sees them stored (and broadcast) as a, b, while its sends still share
   * batches instead of waiting for each other's commits.
   */
  async send(user: ChatUser, dto: SendMessageDto): Promise<{ message: ChatMessage }> {
    assertValidBody(dto.body);
    const conversation = await this.access.requireMember(user.id, dto.conversationId);
    if (!conversation.open) {
      // A message stored just before the mentorship ended is still acknowledged to a client resending it.
      const [stored] = await this.messages.findByClientIds([{ conversationId: conversation.id, senderId: user.id, clientMessageId: dto.clientMessageId }]);
      if (stored) return { message: toChatMessage(stored) };
      throw conversationReadOnly();
    }
    let message: ChatMessage | undefined;
    const stored = await this.appender
      .append(
        { conversationId: conversation.id, senderId: user.id, body: dto.body, clientMessageId: dto.clientMessageId },
        // Called after the commit, in seq order: the broadcast happens here rather than after the await, where
        // promise continuations of different sends could run in another order.
        (s) => {
          message = toChatMessage(s.row);
          if (s.created) this.broadcaster.messageNew(conversation.memberIds, message);
        },
      )
      .catch(gone);
    if (!stored) throw conversationNotFound();
    return { message: message ?? toChatMessage(stored.row) };
  }

  async markRead(user: ChatUser, dto: ReadMessageDto): Promise<{ receipt: ReadReceipt }> {
    const conversation = await this.access.requireMember(user.id, dto.conversationId);
    seqOf(dto.messageId, 'messageId');
    const result = await this.messages.markRead(conversation.id, user.id, dto.messageId).catch(gone);
    if (!result) throw messageNotFound();
    const receipt = toReadReceipt(result.receipt);
    if (result.advanced) this.broadcaster.read(conversation.memberIds, { conversationId: conversation.id, ...receipt });
    return { receipt };
  }

  async typing(user: ChatUser, dto: TypingDto): Promise<Record<string, never>> {
    const conversation = await this.access.requireMember(user.id, dto.conversationId);
    if (!conversation.open) throw conversationReadOnly();
    const others = conversation.memberIds.filter((id) => id !== user.id);
    this.broadcaster.typing(others, { conversationId: conversation.id, userId: user.id, typing: dto.typing });
    return {};
  }

  async presence(user: ChatUser, dto: PresenceQueryDto): Promise<{ online: string[] }> {
    const conversation = await this.access.requireMember(user.id, dto.conversationId);
    const online = await this.broadcaster.onlineAmong(conversation.memberIds);
    return { online: conversation.memberIds.filter((id) => online.has(id)) };
  }
}

function seqOf(messageId: string, field: string): number {
  const seq = seqOfMessageId(messageId);
  if (seq === undefined) throw invalidMessageCursor(field);
  return seq;
}
