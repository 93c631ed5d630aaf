import { describe, expect, it } from 'vitest';
import { ErrorCode, FieldErrorCode } from '@pm/contracts';
import { ERROR_MESSAGES, FIELD_ERROR_MESSAGES } from './messages';

// The types already refuse a missing key; this catches an empty or untranslated one, and runs on the JSON as shipped.
describe.each(['en', 'fa'] as const)('messages in %s', (language) => {
  it.each(Object.values(ErrorCode))('has a message for error code %s', (code) => {
    const message: unknown = (ERROR_MESSAGES[language] as Record<string, unknown>)[code];
    expect(typeof message === 'string' && message.trim().length > 0).toBe(true);
    if (language === 'fa') expect(message).toMatch(/[\u0600-\u06FF]/);
  });

  it.each(Object.values(FieldErrorCode))('has a message for field error code %s', (code) => {
    const message: unknown = (FIELD_ERROR_MESSAGES[language] as Record<string, unknown>)[code];
    expect(typeof message === 'string' && message.trim().length > 0).toBe(true);
    if (language === 'fa') expect(message).toMatch(/[\u0600-\u06FF]/);
  });
});
