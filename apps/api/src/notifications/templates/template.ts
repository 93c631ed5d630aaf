import type { NotificationLanguage } from '@pm/contracts';
import type { NotificationParams } from '../notification.entity';

/** What a template gets: the event's parameters and a way to write an instant for this reader. */
export interface RenderContext {
  params: NotificationParams;
  /** An instant (ISO 8601) as a date and time in the program's time zone, in the reader's language and calendar. */
  time: (iso: string | number | null | undefined) => string;
  /** A parameter as text ('' when absent). */
  text: (name: string) => string;
}

export interface LocalizedTemplate {
  /** One line: the in-app title and the mail's subject. */
  title: (c: RenderContext) => string;
  /** A sentence or two: the in-app body and the mail's text. */
  body: (c: RenderContext) => string;
}

/** A kind's words in every language; a language missing from it does not compile. */
export type NotificationTemplate = Record<NotificationLanguage, LocalizedTemplate>;

/** Where a session takes place, from its `location` and `modality` parameters. */
export const placeIn =
  (videoCall: string) =>
  (c: RenderContext): string =>
    c.text('location') || (c.text('modality') === 'virtual' ? videoCall : '');
export const placeEn = placeIn('video call');
export const placeFa = placeIn('تماس تصویری');
