import type { NotificationTemplate } from './template';

/** params: from (the sender's name), count (unread messages). */
export const messageUnread: NotificationTemplate = {
  en: {
    title: (c) => `Unread message from ${c.text('from')}`,
    body: (c) => (Number(c.params['count'] ?? 1) > 1 ? `${c.text('from')} sent you ${c.text('count')} messages you have not read yet.` : `${c.text('from')} sent you a message you have not read yet.`),
  },
  fa: {
    title: (c) => `پیام خوانده‌نشده از ${c.text('from')}`,
    body: (c) =>
      Number(c.params['count'] ?? 1) > 1
        ? `${c.text('from')} ${Number(c.params['count']).toLocaleString('fa-IR')} پیام برای شما فرستاده که هنوز نخوانده‌اید.`
        : `${c.text('from')} پیامی برای شما فرستاده که هنوز نخوانده‌اید.`,
  },
};
