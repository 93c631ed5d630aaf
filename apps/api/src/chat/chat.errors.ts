import { MAX_MESSAGE_LENGTH } from '@pm/contracts';
import { DomainError, ErrorCode } from '@api/common/domain-error';

// A conversation the caller is not in answers exactly like one that does not exist.
export const conversationNotFound = (): DomainError => new DomainError(ErrorCode.ConversationNotFound, 'Conversation not found');
export const conversationReadOnly = (): DomainError =>
  new DomainError(ErrorCode.ConversationReadOnly, 'This mentorship has ended: its conversation can be read but no longer written to');
export const invalidPayload = (problems: string[]): DomainError => new DomainError(ErrorCode.ChatInvalidPayload, problems.join('; '));
export const emptyMessage = (): DomainError => new DomainError(ErrorCode.EmptyMessage, 'A message needs some text: an empty or whitespace-only body is refused');
export const messageTooLong = (length: number): DomainError =>
  new DomainError(ErrorCode.MessageTooLong, `A message holds at most ${MAX_MESSAGE_LENGTH} characters; this one has ${length}`);
export const messageNotFound = (): DomainError => new DomainError(ErrorCode.MessageNotFound, 'No such message in this conversation');
export const invalidMessageCursor = (field: string): DomainError => new DomainError(ErrorCode.InvalidMessageCursor, `${field} must be the id of a message`);
export const chatRateLimited = (retryAfterMs: number): DomainError =>
  new DomainError(ErrorCode.ChatRateLimited, 'Too many events from this connection; slow down', Math.ceil(retryAfterMs / 1000), { retryAfterMs });
