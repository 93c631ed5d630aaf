import { Injectable } from '@nestjs/common';
import { ConversationKind, DEFAULT_HISTORY_LIMIT, type ChatMessage, type ConversationSummary } from '@pm/contracts';
import { invalidMessageCursor } from './chat.errors';
import { toChatMessage, toReadReceipt } from './chat.mapper';
import { ConversationAccess } from './conversation-access';
import { ConversationStore } from './conversation.store';
import type { ConversationMessagesQueryDto } from './dto/conversations.dto';
import { seqOfMessageId } from './message-id';
import { MessageStore } from './message.store';

/** The REST side of chat: the conversation list and history pages. */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly access: ConversationAccess,
    private readonly conversations: ConversationStore,
    private readonly messages: MessageStore,
  ) {}

  /** The caller's conversations (those they are a member of: nothing to check beyond being signed in). */
  async list(caller: { id: string }): Promise<ConversationSummary[]> {
    const rows = await this.conversations.list(caller.id);
    const names = await this.conversations.names([...new Set(rows.flatMap((r) => r.member_ids))]);
    const receipts = await this.messages.readReceipts(rows.map((r) => r.id));
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      programId: row.program_id,
      programName: row.program_name,
      mentorshipId: row.kind === ConversationKind.Mentorship ? row.mentorship_id : null,
      mentorId: row.mentor_id,
      participants: row.member_ids
        .filter((id) => id !== caller.id)
        .map((id) => ({ id, fullName: names.get(id) ?? '', role: id === row.mentor_id ? ('mentor' as const) : ('mentee' as const) })),
      lastMessage: row.last_message ? toChatMessage(row.last_message) : null,
      unreadCount: row.unread_count,
      lastReadMessageId: row.last_read_message_id,
      readReceipts: receipts
        .filter((r) => r.conversation_id === row.id && r.user_id !== caller.id && row.member_ids.includes(r.user_id))
        .map(toReadReceipt),
      readOnly: !row.open,
    }));
  }

  /** The `limit` messages just before `before` (the newest without it), oldest first. */
  async history(caller: { id: string }, conversationId: string, query: ConversationMessagesQueryDto): Promise<ChatMessage[]> {
    const conversation = await this.access.requireMember(caller.id, conversationId);
    let beforeSeq: number | undefined;
    if (query.before !== undefined) {
      beforeSeq = seqOfMessageId(query.before);
      if (beforeSeq === undefined) throw invalidMessageCursor('before');
    }
    const rows = await this.messages.before(conversation.id, beforeSeq, query.limit ?? DEFAULT_HISTORY_LIMIT);
    return rows.map(toChatMessage);
  }
}
