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
function rng(seed: number): () => number {
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
