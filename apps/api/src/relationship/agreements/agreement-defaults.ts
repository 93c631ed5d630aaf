import type { AgreementTemplate } from '@pm/contracts';

/** The template a program starts with until its coordinators write their own. */
export const DEFAULT_AGREEMENT_TEMPLATE: AgreementTemplate = {
  goals: {
    en: ['Prepare a study plan for the next exam block', 'Find a way of studying that works for me', 'Feel settled in medical school'],
    fa: ['برای امتحان‌های پیش رو برنامهٔ مطالعه بریزم', 'روش مطالعه‌ای پیدا کنم که برای من جواب بدهد', 'در دانشکدهٔ پزشکی احساس جاافتادگی کنم'],
  },
  meetingsPerMonth: 2,
  confidentiality: {
    en:
      'What we talk about stays between the two of us. The mentor shares nothing the mentee says without the mentee’s agreement, ' +
      'except when someone’s safety is at risk; then the mentor tells the program’s coordinators. Either of us can ask the coordinators for help at any time.',
    fa:
      'آنچه میان ما گفته می‌شود میان خود ما می‌ماند. منتور چیزی از گفته‌های منتی را بدون رضایت او با کسی در میان نمی‌گذارد، ' +
      'مگر آنکه سلامت و امنیت کسی در خطر باشد؛ در آن صورت هماهنگ‌کنندگان برنامه را باخبر می‌کند. هر یک از ما هر زمان می‌تواند از هماهنگ‌کنندگان کمک بخواهد.',
  },
};
