import type { Modality } from '@pm/contracts';
import type { MatchingInput, MatchingMentee, MatchingMentor } from '../lib/types';

/** mulberry32: tiny, fast and seedable, so a benchmark program is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SPECIALTIES: readonly string[] = [
  'cardiology', 'neurology', 'oncology', 'pediatrics', 'surgery', 'psychiatry', 'radiology', 'dermatology',
  'emergency medicine', 'family medicine', 'internal medicine', 'obstetrics', 'gynecology', 'ophthalmology',
  'orthopedics', 'anesthesiology', 'pathology', 'urology', 'nephrology', 'endocrinology', 'gastroenterology',
  'hematology', 'infectious disease', 'pulmonology', 'rheumatology', 'geriatrics', 'public health', 'global health',
  'research', 'medical education', 'sports medicine', 'palliative care', 'neurosurgery', 'plastic surgery',
  'vascular surgery', 'immunology', 'genetics', 'otolaryngology', 'critical care', 'rural medicine',
];
export const LANGUAGES: readonly string[] = ['English', 'French', 'Spanish', 'Arabic', 'Mandarin', 'Portuguese', 'German', 'Hindi'];
export const CAMPUSES: readonly string[] = ['North', 'South', 'East', 'West'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function someOf<T>(random: () => number, items: readonly T[], min: number, max: number): T[] {
  const count = min + Math.floor(random() * (max - min + 1));
  const chosen = new Set<T>();
  while (chosen.size < count) chosen.add(pick(random, items));
  return [...chosen];
}

function modalities(random: () => number): Modality[] {
  const r = random();
  if (r < 0.3) return ['in_person'];
  if (r < 0.5) return ['virtual'];
  return ['in_person', 'virtual'];
}

function person(random: () => number, id: string, year: number): MatchingMentee {
  const languages = random() < 0.9 ? ['English'] : [];
  languages.push(...someOf(random, LANGUAGES.slice(1), languages.length === 0 ? 1 : 0, 2));
  return {
    id,
    yearOfStudy: year,
    interests: someOf(random, SPECIALTIES, 1, 5),
    languages,
    modalities: modalities(random),
    campus: random() < 0.1 ? null : pick(random, CAMPUSES),
  };
}

/** A program like a large school's: mentees in years 1-2, mentors in years 3-6 taking 1 to 5 mentees each. */
export function generateProgram(mentees: number, mentors: number, seed: number): MatchingInput {
  const random = seededRandom(seed);
  const pad = (k: number) => String(k).padStart(6, '0');
  const menteeList: MatchingMentee[] = Array.from({ length: mentees }, (_, k) => person(random, `mentee-${pad(k)}`, 1 + Math.floor(random() * 2)));
  const mentorList: MatchingMentor[] = Array.from({ length: mentors }, (_, k) => ({
    ...person(random, `mentor-${pad(k)}`, 3 + Math.floor(random() * 4)),
    capacity: 1 + Math.floor(random() * 5),
  }));
  return { mentees: menteeList, mentors: mentorList };
}
