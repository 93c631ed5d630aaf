import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@web/lib/api-error';
import { describeError } from '@web/lib/describe-error';
import { useFormatDate, useFormatTime } from '@web/lib/use-format-date';

const isRange = (value: unknown): value is { startsAt: string; endsAt: string } => {
  if (typeof value !== 'object' || value === null) return false;
  const range = value as Record<string, unknown>;
  return typeof range['startsAt'] === 'string' && typeof range['endsAt'] === 'string' && !Number.isNaN(Date.parse(range['startsAt']));
};

/**
 * A refused booking or move as a sentence in the reader's language and time zone: whose session is in the
 * way (the reader's own, or the other person's, by name) and when, or when the mentor is not available. The
 * API's own text is in English and UTC, so it is never shown for these.
 */
export function useBookingError(): (error: unknown, otherName: string | null) => string | null {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatTime = useFormatTime();
  return useCallback(
    (error: unknown, otherName: string | null) => {
      if (error === null || error === undefined) return null;
      if (isApiError(error)) {
        const when = (range: { startsAt: string; endsAt: string }) => ({ date: formatDate(range.startsAt, 'full'), start: formatTime(range.startsAt), end: formatTime(range.endsAt) });
        if (error.code === 'SESSION_CONFLICT' && error.conflict) {
          const { who } = error.conflict;
          if (who === 'you') return t('booking.conflictYou', when(error.conflict));
          if (who === 'other' && otherName) return t('booking.conflictOther', { ...when(error.conflict), name: otherName });
          return t('sessions.book.conflict', when(error.conflict));
        }
        const requested = error.details['requested'];
        if (error.code === 'OUTSIDE_AVAILABILITY' && isRange(requested)) {
          return otherName ? t('booking.outsideAvailability', { ...when(requested), name: otherName }) : t('errors.code.OUTSIDE_AVAILABILITY');
        }
      }
      return describeError(error, t);
    },
    [t, formatDate, formatTime],
  );
}
