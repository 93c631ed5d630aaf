import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './i18n';

export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const language = isLanguage(current) ? current : DEFAULT_LANGUAGE;
  const setLanguage = useCallback(
    (next: Language) => {
      // changeLanguage resolves after listeners ran; nothing waits on it, and a failure only keeps the old language.
      i18n.changeLanguage(next).catch(() => undefined);
    },
    [i18n],
  );
  return [language, setLanguage];
}
