import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '@web/i18n/en.json';
import fa from '@web/i18n/fa.json';
import { readStored, writeStored } from './storage';

export const LANGUAGES = ['en', 'fa'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';
export const LANGUAGE_STORAGE_KEY = 'pm.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

export const directionOf = (language: Language): 'ltr' | 'rtl' => (language === 'fa' ? 'rtl' : 'ltr');

/** The saved choice first; otherwise the browser's first preference, so a Persian browser opens in Persian. */
export function initialLanguage(): Language {
  const saved = readStored(LANGUAGE_STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  const preferred = globalThis.navigator?.language?.toLowerCase() ?? '';
  return preferred.startsWith('fa') ? 'fa' : DEFAULT_LANGUAGE;
}

/** `lang` drives screen-reader pronunciation and fonts; `dir` mirrors the whole layout for Persian. */
export function applyDocumentLanguage(language: Language, doc: Document = document): void {
  doc.documentElement.lang = language;
  doc.documentElement.dir = directionOf(language);
}

export const resources = { en: { translation: en }, fa: { translation: fa } } as const;

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, grouping: boolean): Intl.NumberFormat {
  const key = `${language}|${grouping}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'fa' ? 'fa-IR' : 'en-GB', { useGrouping: grouping, maximumFractionDigits: 20 });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * Every number put into a sentence comes out in the reader's digits: `{{value, number}}` as a grouped number,
 * a bare `{{count}}` too (Persian digits, no grouping, so a year stays 1405, not 1,405). English bare numbers and
 * all other values are left as they are.
 */
export function formatInterpolated(value: unknown, format?: string, lng?: string): string {
  const language: Language = isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
  if (format === 'number') {
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? numberFormat(language, true).format(number) : String(value);
  }
  if (typeof value === 'number' && language === 'fa' && Number.isFinite(value)) return numberFormat(language, false).format(value);
  return value as string;
}

/**
 * A fresh i18next instance with both languages bundled: they are small, and loading them up front means no
 * flash of untranslated keys and no Suspense boundary around every page.
 */
export async function setupI18n(language: Language = initialLanguage()): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false, alwaysFormat: true, format: formatInterpolated },
    react: { useSuspense: false },
    showSupportNotice: false,
  });
  instance.on('languageChanged', (next: string) => {
    if (!isLanguage(next)) return;
    writeStored(LANGUAGE_STORAGE_KEY, next);
    applyDocumentLanguage(next);
  });
  applyDocumentLanguage(language);
  return instance;
}
