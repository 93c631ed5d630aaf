import type { Modality } from '@pm/contracts';
import type { MatchingMentee, MatchingMentor, MatchReason, ScoreWeights } from './types';
import { resolveWeights } from './weights';

/** Years below this mean "unknown" (the API stores a missing year as 0): the year rule cannot be checked. */
export const FIRST_YEAR_OF_STUDY = 1;
/** Years above this are treated as unknown too: no school has them, and the pair loop looks gaps up in a 64-entry table. */
export const LAST_YEAR_OF_STUDY = 63;
/** A two-year gap: far enough ahead to have been through it, close enough to remember it. */
export const IDEAL_YEAR_GAP = 2;

/** Bit per modality, so that "share a modality" is one AND. */
export function modalityMask(modalities: readonly string[]): number {
  let mask = 0;
  for (const modality of modalities) {
    if (modality === 'in_person') mask |= 1;
    else if (modality === 'virtual') mask |= 2;
  }
  return mask;
}

/** Interests, languages and campuses compare case- and space-insensitively: "Cardiology " is "cardiology". */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').trim().toLowerCase();
}

/** A year usable by the year rule; anything else makes the person ineligible. */
export function hasKnownYear(person: MatchingMentee): boolean {
  const year = person.yearOfStudy;
  return Number.isInteger(year) && year >= FIRST_YEAR_OF_STUDY && year <= LAST_YEAR_OF_STUDY;
}

/** Units of `yearGapIdeal`: 2 at the ideal gap, 1 one year off, 0 beyond. */
export function yearGapUnits(gap: number): number {
  return Math.max(0, 2 - Math.abs(gap - IDEAL_YEAR_GAP));
}

/**
 * The hard rules of a pair: both years known and the mentor's above the mentee's, a shared modality, and
 * no coordinator exclusion. Capacity is not a property of a pair, so it is not checked here.
 */
export function isEligible(
  mentee: MatchingMentee,
  mentor: MatchingMentor,
  excluded?: (menteeId: string, mentorId: string) => boolean,
): boolean {
  if (!hasKnownYear(mentee) || !hasKnownYear(mentor)) return false;
  if (mentor.yearOfStudy <= mentee.yearOfStudy) return false;
  if ((modalityMask(mentee.modalities) & modalityMask(mentor.modalities)) === 0) return false;
  return excluded === undefined || !excluded(mentee.id, mentor.id);
}

/**
 * Tags both list, in the mentee's spelling, ordered by normalized form so that reasons read the same every run.
 * Lists are short, so plain arrays beat sets here (this runs for every assignment of a result).
 */
function sharedTags(menteeTags: readonly string[], mentorTags: readonly string[]): string[] {
  if (menteeTags.length === 0 || mentorTags.length === 0) return [];
  const mentorKeys = mentorTags.map(normalizeTag);
  const keys: string[] = [];
  const tags: string[] = [];
  for (const tag of menteeTags) {
    const key = normalizeTag(tag);
    if (key === '' || !mentorKeys.includes(key) || keys.includes(key)) continue;
    // Insertion sort by normalized form: at most a handful of tags.
    let at = keys.length;
    keys.push(key);
    tags.push(tag);
    while (at > 0 && keys[at - 1] > key) {
      keys[at] = keys[at - 1];
      tags[at] = tags[at - 1];
      at--;
    }
    keys[at] = key;
    tags[at] = tag.trim();
  }
  return tags;
}

function campusText(campus: string): string {
  return /campus/i.test(campus) ? `both at ${campus}` : `both at the ${campus} campus`;
}

/** Shared modalities by mask (bit 1 in person, bit 2 virtual), in this order. */
const SHARED_MODALITIES: ReadonlyArray<readonly Modality[]> = [[], ['in_person'], ['virtual'], ['in_person', 'virtual']];

function modalityText(shared: readonly Modality[]): string {
  const words = shared.map((m) => (m === 'in_person' ? 'in person' : 'virtually'));
  return `both available ${words.join(' and ')}`;
}

/**
 * Score and reasons of a pair, whether or not it is eligible. Every reason carries the points it adds, so the
 * score is the sum of `params.points`. This is the reference definition; the engine's compiled scorer must agree.
 */
export function scorePair(
  mentee: MatchingMentee,
  mentor: MatchingMentor,
  weights?: Partial<ScoreWeights>,
): { score: number; reasons: MatchReason[] } {
  const w = resolveWeights(weights);
  const reasons: MatchReason[] = [];

  for (const interest of sharedTags(mentee.interests, mentor.interests)) {
    reasons.push({ code: 'shared_interest', params: { interest, points: w.sharedInterest }, text: `both interested in ${interest}` });
  }
  for (const language of sharedTags(mentee.languages, mentor.languages)) {
    reasons.push({ code: 'shared_language', params: { language, points: w.sharedLanguage }, text: `both speak ${language}` });
  }
  const campusKey = mentee.campus === null || mentor.campus === null ? '' : normalizeTag(mentee.campus);
  if (mentee.campus !== null && mentor.campus !== null && campusKey !== '' && campusKey === normalizeTag(mentor.campus)) {
    const campus = mentee.campus.trim();
    reasons.push({ code: 'same_campus', params: { campus, points: w.sameCampus }, text: campusText(campus) });
  }
  const shared = SHARED_MODALITIES[modalityMask(mentee.modalities) & modalityMask(mentor.modalities)];
  if (shared.length > 0) {
    const points = shared.length === 2 ? w.modalityBoth : 0;
    reasons.push({ code: 'shared_modality', params: { modalities: shared.join(','), points }, text: modalityText(shared) });
  }
  if (hasKnownYear(mentee) && hasKnownYear(mentor)) {
    const gap = mentor.yearOfStudy - mentee.yearOfStudy;
    const points = w.yearGapIdeal * yearGapUnits(gap);
    reasons.push({
      code: 'year_gap',
      params: { mentorYear: mentor.yearOfStudy, menteeYear: mentee.yearOfStudy, gap, points },
      text: `mentor in year ${mentor.yearOfStudy}, mentee in year ${mentee.yearOfStudy}`,
    });
  }

  let score = 0;
  for (const reason of reasons) score += Number(reason.params['points']);
  return { score, reasons };
}
