import { Modality } from '@pm/contracts';

/**
 * The demo program's people, generated deterministically (same names and profiles on every machine) so the
 * README can list the logins and screenshots stay comparable.
 */
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_COORDINATOR_EMAIL = 'coordinator@demo.example';
export const DEMO_ADMIN_EMAIL = 'admin@demo.example';
export const DEMO_PROGRAM_NAME = 'Preclinical Peer Mentoring';

const FIRST = ['Sara', 'Ali', 'Maryam', 'Reza', 'Zahra', 'Omid', 'Leila', 'Hamid', 'Nasrin', 'Kaveh', 'Amina', 'Youssef', 'Elena', 'David', 'Priya', 'Tomas', 'Fatemeh', 'Arash', 'Nora', 'Samir'];
const LAST = ['Ahmadi', 'Karimi', 'Hosseini', 'Rahimi', 'Moradi', 'Jafari', 'Haddad', 'Novak', 'Schmidt', 'Rossi', 'Sharma', 'Tehrani', 'Farahani', 'Yilmaz', 'Dubois'];
const INTERESTS = ['cardiology', 'neurology', 'surgery', 'pediatrics', 'psychiatry', 'research', 'anatomy', 'public health', 'emergency medicine', 'oncology'];
const LANGUAGES = ['English', 'Persian', 'Arabic', 'French', 'Turkish', 'German'];
const CAMPUSES = ['North campus', 'South campus'];

/** A small seeded generator (mulberry32): deterministic, and enough for demo variety. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoStudent {
  email: string;
  fullName: string;
  yearOfStudy: number;
  interests: string[];
  languages: string[];
  modalities: Modality[];
  campus: string;
  capacity?: number;
}

function pick<T>(random: () => number, from: readonly T[], count: number): T[] {
  const pool = [...from];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  return out;
}

function student(random: () => number, email: string, index: number, year: number): DemoStudent {
  const modalityRoll = random();
  const modalities: Modality[] = modalityRoll < 0.4 ? [Modality.InPerson, Modality.Virtual] : modalityRoll < 0.7 ? [Modality.InPerson] : [Modality.Virtual];
  return {
    email,
    fullName: `${FIRST[index % FIRST.length]} ${LAST[(index * 7) % LAST.length]}`,
    yearOfStudy: year,
    interests: pick(random, INTERESTS, 2 + Math.floor(random() * 2)),
    languages: ['English', ...pick(random, LANGUAGES.slice(1), 1 + Math.floor(random() * 2))],
    modalities,
    campus: CAMPUSES[Math.floor(random() * CAMPUSES.length)] as string,
  };
}

export function demoMentors(): DemoStudent[] {
  const random = rng(2026);
  return Array.from({ length: 10 }, (_, i) => ({
    ...student(random, `mentor${i + 1}@demo.example`, i + 3, 3 + (i % 4)),
    capacity: 2 + (i % 3),
  }));
}

export function demoMentees(): DemoStudent[] {
  const random = rng(1404);
  return Array.from({ length: 30 }, (_, i) => student(random, `mentee${i + 1}@demo.example`, i + 11, 1 + (i % 2)));
}

/** How many demo mentees start with a mentor: the rest are left for the coordinator to match in the demo. */
export const DEMO_MATCHED_MENTEES = 20;
/** Classmates with grades but no account: the comparison group, as a registrar's export would have them. */
export const DEMO_COMPARISON_STUDENTS = 40;

export interface DemoRecord {
  email: string;
  assessment: string;
  takenOn: string;
  score: number;
  maxScore: number;
}

const ASSESSMENTS_BEFORE = ['Anatomy quiz 1', 'Physiology quiz 1', 'Biochemistry midterm', 'Histology practical'];
const ASSESSMENTS_AFTER = ['Anatomy quiz 2', 'Physiology quiz 2', 'Biochemistry final', 'Neuroanatomy practical'];

const addDays = (isoDay: string, days: number): string => new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A term of results around the program start: four assessments before it and four after, for mentees and
 * classmates. Mentored students gain a little more on average (about 5 points against 1), with real spread,
 * so the outcomes page shows an honest, moderately sized effect rather than a perfect one.
 */
export function demoRecords(startsOn: string, mentoredEmails: ReadonlySet<string>, everyone: readonly string[]): DemoRecord[] {
  const random = rng(60);
  const normal = (): number => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const records: DemoRecord[] = [];
  for (const email of everyone) {
    const ability = 62 + 10 * normal();
    const gain = (mentoredEmails.has(email) ? 5 : 1) + 4 * normal();
    const clamp = (x: number): number => Math.max(0, Math.min(100, Math.round(x)));
    ASSESSMENTS_BEFORE.forEach((assessment, i) => {
      records.push({ email, assessment, takenOn: addDays(startsOn, -56 + i * 12), score: clamp(ability + 6 * normal()), maxScore: 100 });
    });
    ASSESSMENTS_AFTER.forEach((assessment, i) => {
      records.push({ email, assessment, takenOn: addDays(startsOn, 3 + i * 6), score: clamp(ability + gain + 6 * normal()), maxScore: 100 });
    });
  }
  return records;
}

/** Survey answers (1-5) of the mentored demo mentees, mostly positive with some spread. */
export function demoSurveyValue(menteeIndex: number, itemIndex: number): number {
  const random = rng(1000 + menteeIndex * 31 + itemIndex);
  const r = random();
  return r < 0.1 ? 2 : r < 0.3 ? 3 : r < 0.7 ? 4 : 5;
}
