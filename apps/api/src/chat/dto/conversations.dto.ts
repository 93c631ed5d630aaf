import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  CONVERSATION_KINDS,
  DEFAULT_HISTORY_LIMIT,
  MAX_HISTORY_LIMIT,
  type ChatMessage,
  type ConversationKind,
  type ConversationMessagesQuery,
  type ConversationParticipant,
  type ConversationSummary,
  type ReadReceipt,
} from '@pm/contracts';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class ConversationMessagesQueryDto implements ConversationMessagesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'A message id of this conversation: the page holds the messages just before it. Without it, the newest.' })
  @IsOptional() @IsUUID()
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_HISTORY_LIMIT, default: DEFAULT_HISTORY_LIMIT })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(MAX_HISTORY_LIMIT)
  limit?: number;
}

export class ChatMessageDto implements ChatMessage {
  @ApiProperty({ format: 'uuid', description: 'Ids of one conversation sort (as strings) in the order the messages were stored' }) id!: string;
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ format: 'uuid' }) senderId!: string;
  @ApiProperty({ description: 'Plain text, up to 4,000 characters; render it as text, never as HTML' }) body!: string;
  @ApiProperty({ description: "The sender's idempotency key: a resend with the same one returns this message" }) clientMessageId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Position in the conversation, 1, 2, 3… in storage order' }) seq!: number;
}

export class ConversationParticipantDto implements ConversationParticipant {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ['mentor', 'mentee'] }) role!: 'mentor' | 'mentee';
}

export class ReadReceiptDto implements ReadReceipt {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'uuid' }) lastReadMessageId!: string;
  @ApiProperty({ format: 'date-time' }) readAt!: string;
}

export class ConversationSummaryDto implements ConversationSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONVERSATION_KINDS, description: '`mentorship`: a mentor and a mentee; `group`: a mentor and all their mentees in the program' }) kind!: ConversationKind;
  @ApiProperty({ format: 'uuid' }) programId!: string;
  @ApiProperty() programName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) mentorshipId!: string | null;
  @ApiProperty({ format: 'uuid' }) mentorId!: string;
  @ApiProperty({ type: [ConversationParticipantDto], description: 'Everyone but the caller' }) participants!: ConversationParticipantDto[];
  @ApiProperty({ type: ChatMessageDto, nullable: true }) lastMessage!: ChatMessageDto | null;
  @ApiProperty({ description: "Messages from others after the caller's read receipt" }) unreadCount!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) lastReadMessageId!: string | null;
  @ApiProperty({ type: [ReadReceiptDto], description: 'Read receipts of the other participants' }) readReceipts!: ReadReceiptDto[];
  @ApiProperty({ description: 'The mentorship ended: readable, no longer writable' }) readOnly!: boolean;
}
