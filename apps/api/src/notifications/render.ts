import type { NotificationKind, NotificationLanguage } from '@pm/contracts';
import type { NotificationParams } from './notification.entity';
import { TEMPLATES, type RenderContext } from './templates';

/** Persian readers get the Solar Hijri calendar and Persian digits, as the dashboard writes dates (format-date.ts). */
const LOCALES: Record<NotificationLanguage, string> = { en: 'en-GB', fa: 'fa-IR-u-ca-persian' };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** An instant as a date and time in `timeZone`, in the reader's language and calendar. */
export function formatInstant(iso: string | number | null | undefined, language: NotificationLanguage, timeZone: string): string {
  if (iso === null || iso === undefined) return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return String(iso);
  const key = `${language}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'full', timeStyle: 'short', timeZone });
    } catch {
      // A time zone this runtime does not know: UTC, said so, rather than a failure to notify.
      formatter = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC', timeZoneName: undefined });
    }
    formatters.set(key, formatter);
  }
  return formatter.format(instant);
}

export interface RenderedNotification {
  title: string;
  body: string;
}

export function renderNotification(kind: NotificationKind, params: NotificationParams, language: NotificationLanguage, timeZone: string): RenderedNotification {
  const template = TEMPLATES[kind][language];
  const context: RenderContext = {
    params,
    time: (iso) => formatInstant(iso, language, timeZone),
    text: (name) => {
      const value = params[name];
      return value === null || value === undefined ? '' : String(value);
    },
  };
  return { title: template.title(context), body: template.body(context) };
}
