import { placeEn, placeFa, type NotificationTemplate } from './template';

/** params: who (the person who booked), startsAt, endsAt, location, modality. */
export const sessionBooked: NotificationTemplate = {
  en: {
    title: (c) => `New session with ${c.text('who')}`,
    body: (c) => `${c.text('who')} booked a session for ${c.time(c.params['startsAt'])}${placeEn(c) ? ` (${placeEn(c)})` : ''}.`,
  },
  fa: {
    title: (c) => `جلسهٔ تازه با ${c.text('who')}`,
    body: (c) => `${c.text('who')} جلسه‌ای برای ${c.time(c.params['startsAt'])} رزرو کرد${placeFa(c) ? ` (${placeFa(c)})` : ''}.`,
  },
};
