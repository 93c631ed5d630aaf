import { useCallback } from 'react';
import { formatDate, type DateStyle } from './format-date';
import { useLanguage } from './use-language';

/** A date formatter bound to the current language; components re-render with it when the language changes. */
export function useFormatDate(): (value: string, style?: DateStyle) => string {
  const [language] = useLanguage();
  return useCallback((value: string, style?: DateStyle) => formatDate(value, language, style), [language]);
}
