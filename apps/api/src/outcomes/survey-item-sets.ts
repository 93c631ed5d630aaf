import type { SurveyItemSet } from '@pm/contracts';
import { DEFAULT_SURVEY_ITEMS, DEFAULT_SURVEY_ITEMS_FA, type SurveyLanguage } from './survey-defaults';

/**
 * Item sets a coordinator can load into the survey editor. Both are ours, written for this platform and given to
 * the public domain: the validated scales medical-education studies use (the Perceived Stress Scale, for one)
 * are free for academic use but not ours to redistribute, so none is shipped. Every statement names its source.
 */
const OWN_SOURCE: Record<SurveyLanguage, string> = {
  en: 'Peer Mentoring platform, written for it; public domain (CC0 1.0)',
  fa: 'پلتفرم منتورینگ همتا، نوشته‌شده برای همین پلتفرم؛ مالکیت عمومی (CC0 1.0)',
};

interface SetDefinition {
  id: string;
  name: Record<SurveyLanguage, string>;
  items: Array<{ key: string; baseline: boolean; text: Record<SurveyLanguage, string> }>;
}

const fromDefaults = (): SetDefinition['items'] =>
  DEFAULT_SURVEY_ITEMS.map((item, i) => ({
    key: item.key,
    // Retrospective statements ("The mentoring was useful", "than before the program"): the end only.
    baseline: false,
    text: { en: item.text, fa: DEFAULT_SURVEY_ITEMS_FA[i]?.text ?? item.text },
  }));

const SETS: SetDefinition[] = [
  {
    id: 'mentoring-perception',
    name: { en: 'How the mentoring went (end of program, 5 statements)', fa: 'منتورینگ چگونه گذشت (پایان برنامه، ۵ گزاره)' },
    items: fromDefaults(),
  },
  {
    id: 'study-stress-and-support',
    name: { en: 'Study stress and support (before and after, 6 statements)', fa: 'فشار درسی و پشتیبانی (پیش و پس از برنامه، ۶ گزاره)' },
    items: [
      { key: 'study_overload', baseline: true, text: { en: 'I often feel the amount I have to study is more than I can manage.', fa: 'اغلب حس می‌کنم حجم درس‌هایی که باید بخوانم از توانم بیشتر است.' } },
      { key: 'exam_anxiety', baseline: true, text: { en: 'I feel anxious in the days before an exam.', fa: 'در روزهای پیش از امتحان احساس اضطراب می‌کنم.' } },
      { key: 'know_whom_to_ask', baseline: true, text: { en: 'I know whom to ask when I struggle with a course.', fa: 'می‌دانم وقتی در درسی مشکل دارم از چه کسی کمک بگیرم.' } },
      { key: 'plan_study', baseline: true, text: { en: 'I plan my study time for the weeks ahead.', fa: 'زمان مطالعه‌ام را برای هفته‌های پیش رو برنامه‌ریزی می‌کنم.' } },
      { key: 'belonging', baseline: true, text: { en: 'I feel I belong in medical school.', fa: 'احساس می‌کنم به دانشکدهٔ پزشکی تعلق دارم.' } },
      { key: 'coping', baseline: true, text: { en: 'I can cope with the demands of my course.', fa: 'از پس خواسته‌های دوره‌ام برمی‌آیم.' } },
    ],
  },
];

export function surveyItemSets(language: SurveyLanguage): SurveyItemSet[] {
  return SETS.map((set) => ({
    id: set.id,
    name: set.name[language],
    source: OWN_SOURCE[language],
    items: set.items.map((item) => ({ key: item.key, text: item.text[language], baseline: item.baseline })),
  }));
}
