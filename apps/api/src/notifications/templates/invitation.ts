import type { NotificationTemplate } from './template';

/** params: program (its name), url (the secret link to accept). Owned by onboarding (issue 13). */
export const invitation: NotificationTemplate = {
  en: {
    title: (c) => `You are invited to ${c.text('program')}`,
    body: (c) => `You have been invited to join the mentoring program ${c.text('program')}. Accept the invitation and choose a password: ${c.text('url')}`,
  },
  fa: {
    title: (c) => `دعوت به ${c.text('program')}`,
    body: (c) => `شما به برنامهٔ منتورینگ ${c.text('program')} دعوت شده‌اید. دعوت را بپذیرید و گذرواژه‌ای برگزینید: ${c.text('url')}`,
  },
};
