import { useCallback } from 'react';
import { formatDate, formatDateTime, formatTime, type DateStyle } from './format-date';
import { useLanguage } from './use-language';

/** A date formatter bound to the current language; components re-render with it when the language changes. */
export function useFormatDate(): (value: string, style?: DateStyle) => string {
  const [language] = useLanguage();
  return useCallback((value: string, style?: DateStyle) => formatDate(value, language, style), [language]);
}

/** Date and time of day in the current language. */
export function useFormatDateTime(): (value: string) => string {
  const [language] = useLanguage();
  return useCallback((value: string) => formatDateTime(value, language), [language]);
}

/** Time of day only, in the viewer's zone and language. */
export function useFormatTime(): (value: string) => string {
  const [language] = useLanguage();
  return useCallback((value: string) => formatTime(value, language), [language]);
}
