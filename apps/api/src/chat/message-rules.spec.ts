import { MAX_MESSAGE_LENGTH } from '@pm/contracts';
import { DomainError } from '@api/common/domain-error';
import { assertValidBody, characterCount } from './message-rules';

const codeOf = (body: string): string | undefined => {
  try {
    assertValidBody(body);
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a domain error';
  }
};

describe('message bodies', () => {
  it('refuse empty and whitespace-only text', () => {
    for (const body of ['', ' ', '\n\n', '\t \u00a0\u2003']) expect(codeOf(body)).toBe('EMPTY_MESSAGE');
  });

  it('hold up to 4,000 characters, counted as code points', () => {
    expect(codeOf('a'.repeat(MAX_MESSAGE_LENGTH))).toBeUndefined();
    expect(codeOf('a'.repeat(MAX_MESSAGE_LENGTH + 1))).toBe('MESSAGE_TOO_LONG');
    expect(codeOf('😀'.repeat(MAX_MESSAGE_LENGTH))).toBeUndefined();
    expect(codeOf('😀'.repeat(MAX_MESSAGE_LENGTH + 1))).toBe('MESSAGE_TOO_LONG');
    expect(characterCount('سلام 😀')).toBe(6);
  });

  it('keep markup as text, and refuse only what PostgreSQL cannot store', () => {
    expect(codeOf('<script>alert(1)</script>')).toBeUndefined();
    expect(codeOf('a\u0000b')).toBe('INVALID_PAYLOAD');
  });
});
