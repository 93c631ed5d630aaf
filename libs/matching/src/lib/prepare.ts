import type { MatchingInput, MatchingMentee, MatchingMentor, ScoreWeights } from './types';
import { hasKnownYear, modalityMask, normalizeTag, yearGapUnits } from './score';
import { resolveWeights } from './weights';

/**
 * The input compiled for the inner loop: people sorted by id (index order is id order, so "lowest index"
 * breaks ties by id), tags as bitmasks over the tags both sides use, and exclusions as sorted lists.
 * Nothing in the pair loop allocates or touches a string.
 */
export interface Prepared {
  readonly mentees: readonly MatchingMentee[];
  readonly mentors: readonly MatchingMentor[];
  readonly n: number;
  readonly m: number;
  readonly weights: ScoreWeights;
  /** Unknown years are UNKNOWN_MENTEE_YEAR and UNKNOWN_MENTOR_YEAR, so `mentor > mentee` is false. */
  readonly menteeYear: Int32Array;
  readonly mentorYear: Int32Array;
  readonly menteeModality: Int32Array;
  readonly mentorModality: Int32Array;
  /** Campus ids; no campus is -1 for mentees and -2 for mentors, so two missing campuses never match. */
  readonly menteeCampus: Int32Array;
  readonly mentorCampus: Int32Array;
  readonly interestWords: number;
  readonly menteeInterests: Int32Array;
  readonly mentorInterests: Int32Array;
  readonly languageWords: number;
  readonly menteeLanguages: Int32Array;
  readonly mentorLanguages: Int32Array;
  /** Points by year gap; the pair loop indexes it with `gap & 63`, exact because known years are 1..63. */
  readonly yearPoints: Int32Array;
  /** Points by shared-modality mask (index 3 = both). */
  readonly modalityPoints: Int32Array;
  readonly capacity: Int32Array;
  readonly exclusionStart: Int32Array;
  readonly exclusionMentor: Int32Array;
  /** No pair scores more than this. */
  readonly maxPairScore: number;
  readonly menteeIndex: ReadonlyMap<string, number>;
  readonly mentorIndex: ReadonlyMap<string, number>;
}

// Integer years keep the pair loop on small integers; these sentinels make every gap with them negative.
const UNKNOWN_MENTEE_YEAR = 1 << 29;
const UNKNOWN_MENTOR_YEAR = -(1 << 29);
/** Every gap between known years (1..LAST_YEAR_OF_STUDY) is below this power of two. */
export const YEAR_GAP_TABLE_SIZE = 64;
/** The fast pair loop reads interests as two 32-bit words and languages as one. */
export const NARROW_INTEREST_WORDS = 2;
export const NARROW_LANGUAGE_WORDS = 1;

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedById<T extends { id: string }>(people: readonly T[], side: string): T[] {
  const sorted = [...people].sort((a, b) => compareIds(a.id, b.id));
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k].id === sorted[k - 1].id) throw new Error(`${side} ${sorted[k].id} appears twice`);
  }
  return sorted;
}

function indexById(people: readonly { id: string }[]): Map<string, number> {
  return new Map(people.map((p, k) => [p.id, k]));
}

/** Bit ids for the tags that appear on both sides: a tag only one side uses can never be shared. */
function sharedVocabulary(menteeTags: ReadonlyArray<readonly string[]>, mentorTags: ReadonlyArray<readonly string[]>): Map<string, number> {
  const onMenteeSide = new Set(menteeTags.flatMap((tags) => tags.map(normalizeTag)));
  const ids = new Map<string, number>();
  for (const tags of mentorTags) {
    for (const tag of tags) {
      const key = normalizeTag(tag);
      if (key !== '' && onMenteeSide.has(key) && !ids.has(key)) ids.set(key, ids.size);
    }
  }
  return ids;
}

/** Bits per person, `words` 32-bit words each, and the most tags anyone has (for the score bound). */
function bitsets(people: ReadonlyArray<readonly string[]>, vocabulary: ReadonlyMap<string, number>, words: number): { bits: Int32Array; most: number } {
  const bits = new Int32Array(Math.max(1, people.length * words));
  let most = 0;
  people.forEach((tags, k) => {
    let count = 0;
    for (const tag of tags) {
      const id = vocabulary.get(normalizeTag(tag));
      if (id === undefined) continue;
      const slot = k * words + (id >>> 5);
      const bit = 1 << (id & 31);
      if ((bits[slot] & bit) === 0) count++;
      bits[slot] |= bit;
    }
    most = Math.max(most, count);
  });
  return { bits, most };
}

function campusIds(mentees: readonly MatchingMentee[], mentors: readonly MatchingMentor[]): { mentee: Int32Array; mentor: Int32Array } {
  const ids = new Map<string, number>();
  const idOf = (campus: string | null, missing: number): number => {
    const key = campus === null ? '' : normalizeTag(campus);
    if (key === '') return missing;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  return { mentee: Int32Array.from(mentees, (p) => idOf(p.campus, -1)), mentor: Int32Array.from(mentors, (p) => idOf(p.campus, -2)) };
}

function exclusionLists(
  input: MatchingInput,
  menteeIndex: ReadonlyMap<string, number>,
  mentorIndex: ReadonlyMap<string, number>,
  n: number,
): { start: Int32Array; mentor: Int32Array } {
  const perMentee: number[][] = Array.from({ length: n }, () => []);
  for (const { menteeId, mentorId } of input.exclusions ?? []) {
    const i = menteeIndex.get(menteeId);
    const j = mentorIndex.get(mentorId);
    if (i !== undefined && j !== undefined) perMentee[i].push(j);
  }
  const start = new Int32Array(n + 1);
  const mentor: number[] = [];
  perMentee.forEach((list, i) => {
    const unique = [...new Set(list)].sort((a, b) => a - b);
    mentor.push(...unique);
    start[i + 1] = mentor.length;
  });
  return { start, mentor: Int32Array.from(mentor) };
}

export function prepare(input: MatchingInput): Prepared {
  const weights = resolveWeights(input.weights);
  const mentees = sortedById(input.mentees, 'mentee');
  const mentors = sortedById(input.mentors, 'mentor');
  const n = mentees.length;
  const m = mentors.length;
  const menteeIndex = indexById(mentees);
  const mentorIndex = indexById(mentors);

  const interestVocabulary = sharedVocabulary(mentees.map((p) => p.interests), mentors.map((p) => p.interests));
  const languageVocabulary = sharedVocabulary(mentees.map((p) => p.languages), mentors.map((p) => p.languages));
  // Most programs use a few dozen tags: pad to the fixed widths of the fast loop when they fit.
  const interestWords = Math.max(NARROW_INTEREST_WORDS, Math.ceil(interestVocabulary.size / 32));
  const languageWords = Math.max(NARROW_LANGUAGE_WORDS, Math.ceil(languageVocabulary.size / 32));
  const menteeInterests = bitsets(mentees.map((p) => p.interests), interestVocabulary, interestWords);
  const mentorInterests = bitsets(mentors.map((p) => p.interests), interestVocabulary, interestWords);
  const menteeLanguages = bitsets(mentees.map((p) => p.languages), languageVocabulary, languageWords);
  const mentorLanguages = bitsets(mentors.map((p) => p.languages), languageVocabulary, languageWords);
  const campus = campusIds(mentees, mentors);
  const exclusions = exclusionLists(input, menteeIndex, mentorIndex, n);

  const yearPoints = Int32Array.from({ length: YEAR_GAP_TABLE_SIZE }, (_, gap) => weights.yearGapIdeal * yearGapUnits(gap));
  const modalityPoints = Int32Array.from([0, 0, 0, weights.modalityBoth]);
  const maxPairScore =
    weights.sharedInterest * Math.min(menteeInterests.most, mentorInterests.most) +
    weights.sharedLanguage * Math.min(menteeLanguages.most, mentorLanguages.most) +
    weights.sameCampus +
    weights.modalityBoth +
    Math.max(...yearPoints);

  return {
    mentees,
    mentors,
    n,
    m,
    weights,
    menteeYear: Int32Array.from(mentees, (p) => (hasKnownYear(p) ? p.yearOfStudy : UNKNOWN_MENTEE_YEAR)),
    mentorYear: Int32Array.from(mentors, (p) => (hasKnownYear(p) ? p.yearOfStudy : UNKNOWN_MENTOR_YEAR)),
    menteeModality: Int32Array.from(mentees, (p) => modalityMask(p.modalities)),
    mentorModality: Int32Array.from(mentors, (p) => modalityMask(p.modalities)),
    menteeCampus: campus.mentee,
    mentorCampus: campus.mentor,
    interestWords,
    menteeInterests: menteeInterests.bits,
    mentorInterests: mentorInterests.bits,
    languageWords,
    menteeLanguages: menteeLanguages.bits,
    mentorLanguages: mentorLanguages.bits,
    yearPoints,
    modalityPoints,
    capacity: Int32Array.from(mentors, (p) => (Number.isFinite(p.capacity) ? Math.max(0, Math.floor(p.capacity)) : 0)),
    exclusionStart: exclusions.start,
    exclusionMentor: exclusions.mentor,
    maxPairScore,
    menteeIndex,
    mentorIndex,
  };
}
