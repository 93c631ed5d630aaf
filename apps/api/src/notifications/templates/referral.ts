import type { NotificationTemplate } from './template';

/** params: program (its name). The student and their message are seen on the referrals page only. Owned by issue 14. */
export const referral: NotificationTemplate = {
  en: {
    title: (c) => `A student asked for help in ${c.text('program')}`,
    body: () => 'A student asked for help beyond their mentor. Open the referrals page to read it.',
  },
  fa: {
    title: (c) => `درخواست کمک در ${c.text('program')}`,
    body: () => 'دانشجویی فراتر از منتور خود درخواست کمک کرده است. برای خواندن آن صفحهٔ ارجاع‌ها را باز کنید.',
  },
};
