import type { NotificationTemplate } from './template';

/** params: thread (its title), replier (their name), program (its name). Raised by the forum (issue 16). */
export const forumReply: NotificationTemplate = {
  en: {
    title: (c) => `New answer: ${c.text('thread')}`,
    body: (c) => `${c.text('replier')} answered a question you follow in ${c.text('program')}.`,
  },
  fa: {
    title: (c) => `پاسخ تازه: ${c.text('thread')}`,
    body: (c) => `${c.text('replier')} به پرسشی که دنبال می‌کنید در ${c.text('program')} پاسخ داد.`,
  },
};
