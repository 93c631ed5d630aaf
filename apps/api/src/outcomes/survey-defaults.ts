/** The default end-of-program survey: usefulness, support and confidence, as the reviewed studies measured. */
export const DEFAULT_SURVEY_ITEMS: ReadonlyArray<{ key: string; text: string }> = [
  { key: 'useful', text: 'The mentoring was useful for my studies.' },
  { key: 'supported', text: 'I felt supported by my mentor.' },
  { key: 'confidence', text: 'I feel more confident about my exams than before the program.' },
  { key: 'study_skills', text: 'My study skills improved.' },
  { key: 'recommend', text: 'I would recommend the program to other students.' },
];
