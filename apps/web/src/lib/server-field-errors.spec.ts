import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { setupI18n } from './i18n';
import { applyServerFieldErrors } from './server-field-errors';

describe('applyServerFieldErrors', () => {
  const refused = new ApiError({
    statusCode: 400,
    error: 'Bad Request',
    message: ['password must be longer than or equal to 10 characters', 'property isAdmin should not exist'],
    code: 'VALIDATION_FAILED',
    fields: [
      { field: 'password', code: 'minLength', params: { min: 10 } },
      { field: 'isAdmin', code: 'unknownField' },
    ],
  });

  it('puts each problem next to its field, in Persian for a Persian reader, and leaves the rest to the alert', async () => {
    const { t } = await setupI18n('fa');
    const setError = vi.fn();
    expect(applyServerFieldErrors(refused, setError, ['email', 'password'], t)).toBe(1);
    expect(setError).toHaveBeenCalledWith('password', { type: 'server', message: 'باید دست‌کم ۱۰ نویسه باشد.' });
  });

  it('does nothing for an error that is not the API’s', async () => {
    const { t } = await setupI18n('en');
    const setError = vi.fn();
    expect(applyServerFieldErrors(new TypeError('offline'), setError, ['password'], t)).toBe(0);
    expect(setError).not.toHaveBeenCalled();
  });
});
