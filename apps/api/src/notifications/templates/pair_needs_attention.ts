import type { NotificationTemplate } from './template';

/** params: mentee, mentor (names), status (at_risk or needs_check_in), program. Owned by issue 14. */
export const pairNeedsAttention: NotificationTemplate = {
  en: {
    title: (c) => `${c.text('mentee')} and ${c.text('mentor')} need attention`,
    body: (c) =>
      `${c.text('status') === 'at_risk' ? 'At risk' : 'Needs a check-in'}: the pair ${c.text('mentee')} and ${c.text('mentor')} in ${c.text('program')}. Open the pair health board.`,
  },
  fa: {
    title: (c) => `${c.text('mentee')} و ${c.text('mentor')} نیاز به توجه دارند`,
    body: (c) =>
      `${c.text('status') === 'at_risk' ? 'در معرض خطر' : 'نیاز به پیگیری'}: جفت ${c.text('mentee')} و ${c.text('mentor')} در ${c.text('program')}. صفحهٔ وضعیت جفت‌ها را باز کنید.`,
  },
};
