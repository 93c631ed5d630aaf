import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { describeError, describeFieldErrors } from './describe-error';
import { setupI18n } from './i18n';

const refused = new ApiError({
  statusCode: 400,
  error: 'Bad Request',
  message: ['password must be longer than or equal to 10 characters', 'email must be an email', 'property isAdmin should not exist'],
  code: 'VALIDATION_FAILED',
  fields: [
    { field: 'password', code: 'minLength', params: { min: 10 } },
    { field: 'email', code: 'email' },
    { field: 'isAdmin', code: 'unknownField' },
  ],
});

describe('describeError', () => {
  it('says each refused field in English', async () => {
    const { t } = await setupI18n('en');
    expect(describeFieldErrors(refused.fields, t)).toEqual([
      'Password: must be at least 10 characters.',
      'Email: must be a valid email address.',
      'The field “isAdmin”: not accepted here.',
    ]);
  });

  it('says each refused field in Persian, with Persian digits, not the API’s English', async () => {
    const { t } = await setupI18n('fa');
    const text = describeError(refused, t);
    expect(text).toContain('رمز عبور: باید دست‌کم ۱۰ نویسه باشد.');
    expect(text).toContain('ایمیل: باید نشانی ایمیل معتبری باشد.');
    expect(text).not.toMatch(/must|longer|should/);
  });

  it('labels a nested field by its own name and the whole body as the request', async () => {
    const { t } = await setupI18n('en');
    expect(describeFieldErrors([{ field: 'items.0.text', code: 'maxLength', params: { max: 300 } }, { field: '', code: 'notAnObject' }], t)).toEqual([
      'Text: must be at most 300 characters.',
      'The request: must be a set of fields.',
    ]);
  });

  it('translates every code, and falls back to the API message for one it does not know', async () => {
    const { t } = await setupI18n('fa');
    expect(describeError(new ApiError({ statusCode: 413, error: 'Payload Too Large', message: 'too large', code: 'BODY_TOO_LARGE' }), t)).toMatch(/بزرگ/);
    expect(describeError(new ApiError({ statusCode: 409, error: 'Conflict', message: 'Something new', code: 'NOT_YET_KNOWN' }), t)).toBe('Something new');
  });

  it('ignores field errors of a shape it does not know', async () => {
    const { t } = await setupI18n('en');
    const odd = new ApiError({ statusCode: 400, error: 'Bad Request', message: 'x', code: 'VALIDATION_FAILED', fields: [{ field: 1 } as never] });
    expect(odd.fields).toEqual([]);
    expect(describeError(odd, t)).toBe('Some of what you entered is not valid. Check the fields and try again.');
  });
});
