import { IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import {
  MAX_CLIENT_MESSAGE_ID_LENGTH,
  type AuthRefreshPayload,
  type ConversationJoinPayload,
  type ConversationReadPayload,
  type MessageSendPayload,
  type PresenceQueryPayload,
  type TypingSetPayload,
} from '@pm/contracts';

// Payloads of the /chat socket events, validated by parsePayload() before a handler runs. Message ids are
// checked only for their UUID shape here; the service turns them into sequence numbers (see message-id.ts).

export class JoinConversationDto implements ConversationJoinPayload {
  @IsUUID() conversationId!: string;
  @IsOptional() @IsUUID() afterMessageId?: string;
}

export class SendMessageDto implements MessageSendPayload {
  @IsUUID() conversationId!: string;
  // Emptiness and length have their own error codes (message-rules.ts); here only the type.
  @IsString() body!: string;

  /** Chosen by the client, unique per sender and conversation: a UUID is the usual choice. */
  @IsString() @MinLength(1) @MaxLength(MAX_CLIENT_MESSAGE_ID_LENGTH)
  @Matches(/^[\x21-\x7e]+$/, { message: 'clientMessageId must be printable ASCII without spaces' })
  clientMessageId!: string;
}

export class TypingDto implements TypingSetPayload {
  @IsUUID() conversationId!: string;
  @IsBoolean() typing!: boolean;
}

export class ReadMessageDto implements ConversationReadPayload {
  @IsUUID() conversationId!: string;
  @IsUUID() messageId!: string;
}

export class PresenceQueryDto implements PresenceQueryPayload {
  @IsUUID() conversationId!: string;
}

export class AuthRefreshDto implements AuthRefreshPayload {
  @IsString() @MinLength(1) @MaxLength(4096) token!: string;
}
