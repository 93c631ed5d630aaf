import { MAX_MESSAGE_LENGTH } from '@pm/contracts';
import { emptyMessage, invalidPayload, messageTooLong } from './chat.errors';

/** Characters as people and PostgreSQL's char_length count them: code points, so an emoji is one, not two. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * The rules a body must meet before anything is stored. It is kept exactly as sent (clients render it as
 * text, never as HTML, so there is nothing to escape here); only what PostgreSQL cannot store is refused.
 */
export function assertValidBody(body: string): void {
  if (body.trim().length === 0) throw emptyMessage();
  // A UTF-16 length within the limit is always a code-point count within it; count only when it might not be.
  if (body.length > MAX_MESSAGE_LENGTH) {
    const length = characterCount(body);
    if (length > MAX_MESSAGE_LENGTH) throw messageTooLong(length);
  }
  if (body.includes('\u0000')) throw invalidPayload(['body must not contain NUL characters']);
}
