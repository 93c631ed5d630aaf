import { DomainError } from '@api/common/domain-error';
import { JoinConversationDto, SendMessageDto, TypingDto } from './dto/chat-events.dto';
import { parsePayload } from './parse-payload';

const id = '6f1c1d5e-1234-4000-8000-000000000000';

const problemOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    expect(e.code).toBe('INVALID_PAYLOAD');
    return e.message;
  }
};

describe('parsePayload', () => {
  it('returns a validated instance for a good payload', () => {
    const dto = parsePayload(SendMessageDto, { conversationId: id, body: 'hi', clientMessageId: 'c-1' });
    expect(dto).toBeInstanceOf(SendMessageDto);
    expect(dto).toEqual({ conversationId: id, body: 'hi', clientMessageId: 'c-1' });
    expect(parsePayload(JoinConversationDto, { conversationId: id })).toEqual({ conversationId: id });
  });

  it('refuses anything that is not a plain object', () => {
    for (const payload of [undefined, null, 'x', 3, true, [], [{ conversationId: id }]]) {
      expect(problemOf(() => parsePayload(JoinConversationDto, payload))).toBe('the payload must be an object');
    }
  });

  it('names missing, mistyped and unknown fields, and coerces nothing', () => {
    expect(problemOf(() => parsePayload(SendMessageDto, { conversationId: id, body: 'x' }))).toMatch(/clientMessageId/);
    expect(problemOf(() => parsePayload(SendMessageDto, { conversationId: id, body: 5, clientMessageId: 'c' }))).toMatch(/body must be a string/);
    expect(problemOf(() => parsePayload(SendMessageDto, { conversationId: id, body: 'x', clientMessageId: 'c', extra: 1 }))).toMatch(/extra should not exist/);
    expect(problemOf(() => parsePayload(TypingDto, { conversationId: id, typing: 'true' }))).toMatch(/typing must be a boolean/);
    expect(problemOf(() => parsePayload(JoinConversationDto, { conversationId: 'abc' }))).toMatch(/conversationId must be a UUID/);
  });
});
