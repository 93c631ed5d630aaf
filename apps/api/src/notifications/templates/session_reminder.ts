import { placeEn, placeFa, type NotificationTemplate } from './template';

/** params: startsAt, location, modality, leadMinutes. */
export const sessionReminder: NotificationTemplate = {
  en: {
    title: (c) => `Reminder: session on ${c.time(c.params['startsAt'])}`,
    body: (c) => `Your mentoring session starts on ${c.time(c.params['startsAt'])}${placeEn(c) ? ` (${placeEn(c)})` : ''}.`,
  },
  fa: {
    title: (c) => `یادآوری: جلسهٔ ${c.time(c.params['startsAt'])}`,
    body: (c) => `جلسهٔ منتورینگ شما ${c.time(c.params['startsAt'])} آغاز می‌شود${placeFa(c) ? ` (${placeFa(c)})` : ''}.`,
  },
};
