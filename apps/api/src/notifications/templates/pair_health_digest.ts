import type { NotificationTemplate } from './template';

const fa = (n: unknown): string => Number(n ?? 0).toLocaleString('fa-IR');

/** params: program (its name), pairs, atRisk, needsCheckIn, onTrack (counts of the board). Owned by issue 14. */
export const pairHealthDigest: NotificationTemplate = {
  en: {
    title: (c) => `This week in ${c.text('program')}: ${c.text('atRisk')} at risk, ${c.text('needsCheckIn')} to check in with`,
    body: (c) =>
      `Of ${c.text('pairs')} active pairs in ${c.text('program')}, ${c.text('atRisk')} are at risk, ${c.text('needsCheckIn')} need a check-in and ${c.text('onTrack')} are on track. Open the pair health board to see who and why.`,
  },
  fa: {
    title: (c) => `این هفته در ${c.text('program')}: ${fa(c.params['atRisk'])} جفت در معرض خطر، ${fa(c.params['needsCheckIn'])} جفت نیازمند پیگیری`,
    body: (c) =>
      `از ${fa(c.params['pairs'])} جفت فعال در ${c.text('program')}، ${fa(c.params['atRisk'])} جفت در معرض خطر، ${fa(c.params['needsCheckIn'])} جفت نیازمند پیگیری و ${fa(c.params['onTrack'])} جفت روبه‌راه‌اند. برای دیدن نام‌ها و دلیل‌ها صفحهٔ وضعیت جفت‌ها را باز کنید.`,
  },
};
