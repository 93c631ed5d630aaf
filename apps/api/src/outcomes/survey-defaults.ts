/** The default end-of-program survey: usefulness, support and confidence, as the reviewed studies measured. */
export const DEFAULT_SURVEY_ITEMS: ReadonlyArray<{ key: string; text: string }> = [
  { key: 'useful', text: 'The mentoring was useful for my studies.' },
  { key: 'supported', text: 'I felt supported by my mentor.' },
  { key: 'confidence', text: 'I feel more confident about my exams than before the program.' },
  { key: 'study_skills', text: 'My study skills improved.' },
  { key: 'recommend', text: 'I would recommend the program to other students.' },
];

/**
 * The same statements in Persian, the first language of the programs this platform starts with: a program's
 * default items are written in the language of whoever first opens its survey (the dashboard says which).
 */
export const DEFAULT_SURVEY_ITEMS_FA: ReadonlyArray<{ key: string; text: string }> = [
  { key: 'useful', text: 'منتورینگ برای درس‌هایم مفید بود.' },
  { key: 'supported', text: 'احساس کردم منتورم از من حمایت می‌کند.' },
  { key: 'confidence', text: 'نسبت به پیش از برنامه، برای امتحان‌هایم اعتمادبه‌نفس بیشتری دارم.' },
  { key: 'study_skills', text: 'مهارت‌های مطالعه‌ام بهتر شد.' },
  { key: 'recommend', text: 'این برنامه را به دانشجویان دیگر پیشنهاد می‌کنم.' },
];

export const SURVEY_LANGUAGES = ['en', 'fa'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];

export const defaultSurveyItems = (language: SurveyLanguage): ReadonlyArray<{ key: string; text: string }> =>
  language === 'fa' ? DEFAULT_SURVEY_ITEMS_FA : DEFAULT_SURVEY_ITEMS;
