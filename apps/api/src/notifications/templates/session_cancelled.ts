import type { NotificationTemplate } from './template';

/** params: who (the person who cancelled it), startsAt, reason. */
export const sessionCancelled: NotificationTemplate = {
  en: {
    title: (c) => `Session with ${c.text('who')} cancelled`,
    body: (c) => `${c.text('who')} cancelled the session of ${c.time(c.params['startsAt'])}.${c.text('reason') ? ` Reason: ${c.text('reason')}` : ''}`,
  },
  fa: {
    title: (c) => `جلسه با ${c.text('who')} لغو شد`,
    body: (c) => `${c.text('who')} جلسهٔ ${c.time(c.params['startsAt'])} را لغو کرد.${c.text('reason') ? ` دلیل: ${c.text('reason')}` : ''}`,
  },
};
