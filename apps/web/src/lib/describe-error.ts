import type { TFunction } from 'i18next';
import en from '@web/i18n/en.json';
import { isApiError } from './api-error';

type KnownErrorCode = keyof typeof en.errors.code;
const isKnownErrorCode = (code: string | undefined): code is KnownErrorCode => code !== undefined && Object.hasOwn(en.errors.code, code);

/**
 * The sentence to show for a failed request. Codes the dashboard knows are translated; anything else shows
 * the API's own message, which is written for people, rather than a generic apology.
 */
export function describeError(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.statusCode === 429 && error.retryAfterSeconds !== undefined) {
      return t('errors.tooManyAttempts', { count: error.retryAfterSeconds });
    }
    if (isKnownErrorCode(error.code)) return t(`errors.code.${error.code}`);
    return error.message || t('errors.unexpected');
  }
  // fetch rejects with a TypeError when the network or the server is unreachable.
  if (error instanceof TypeError) return t('errors.network');
  return t('errors.unexpected');
}
