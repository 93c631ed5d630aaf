import { placeEn, placeFa, type NotificationTemplate } from './template';

/** params: who (the person who changed it), startsAt, location, modality. */
export const sessionChanged: NotificationTemplate = {
  en: {
    title: (c) => `Session with ${c.text('who')} changed`,
    body: (c) => `${c.text('who')} changed your session: it is now on ${c.time(c.params['startsAt'])}${placeEn(c) ? ` (${placeEn(c)})` : ''}.`,
  },
  fa: {
    title: (c) => `جلسه با ${c.text('who')} تغییر کرد`,
    body: (c) => `${c.text('who')} جلسهٔ شما را تغییر داد: زمان تازه ${c.time(c.params['startsAt'])} است${placeFa(c) ? ` (${placeFa(c)})` : ''}.`,
  },
};
