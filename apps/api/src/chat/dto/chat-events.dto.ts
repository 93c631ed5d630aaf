import { IsBoolean, IsOptional, IsString, IsUUID, isUUID, Matches, matches, MaxLength, maxLength, MinLength, minLength } from 'class-validator';
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

/** A client message id's characters: printable ASCII, no spaces. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

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
  @Matches(PRINTABLE_ASCII, { message: 'clientMessageId must be printable ASCII without spaces' })
  clientMessageId!: string;

  /**
   * True only for a payload the decorators above accept, checked with the same class-validator predicates but
   * without its metadata lookups: message:send is the chat's hot event, and plainToInstance with validateSync
   * cost about 10% of the API's CPU per message (BENCHMARKS.md, issue 17 part five). parsePayload builds the
   * instance itself then; any other payload, a refused one included, goes the whole way, so every refusal and
   * its message stay class-validator's. chat-events.dto.spec.ts checks that nothing accepted here is refused there.
   */
  static surelyValid(p: object): boolean {
    const { conversationId, body, clientMessageId } = p as Partial<Record<keyof SendMessageDto, unknown>>;
    return (
      Object.getPrototypeOf(p) === Object.prototype &&
      Object.keys(p).length === 3 &&
      isUUID(conversationId) &&
      typeof body === 'string' &&
      typeof clientMessageId === 'string' &&
      minLength(clientMessageId, 1) &&
      maxLength(clientMessageId, MAX_CLIENT_MESSAGE_ID_LENGTH) &&
      matches(clientMessageId, PRINTABLE_ASCII)
    );
  }
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
