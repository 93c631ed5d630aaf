import fc from 'fast-check';
import type { Modality } from '@pm/contracts';
import type { MatchingInput, MatchingMentee, MatchingMentor } from '../lib/types';

const INTERESTS = ['cardiology', 'Cardiology ', 'neurology', 'surgery', 'pediatrics', 'research', 'oncology'];
const LANGUAGES = ['English', 'french', 'French', 'Spanish'];
const CAMPUSES = ['North', 'south', 'South'];
const MODALITY_SETS: Modality[][] = [['in_person'], ['virtual'], ['in_person', 'virtual'], ['virtual', 'in_person'], []];

function personArbitrary(id: string, years: { min: number; max: number }): fc.Arbitrary<MatchingMentee> {
  return fc.record({
    id: fc.constant(id),
    yearOfStudy: fc.oneof({ weight: 20, arbitrary: fc.integer(years) }, { weight: 1, arbitrary: fc.constant(0) }),
    interests: fc.subarray(INTERESTS, { maxLength: 4 }),
    languages: fc.subarray(LANGUAGES, { maxLength: 2 }),
    modalities: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...MODALITY_SETS.slice(0, 4)) }, { weight: 1, arbitrary: fc.constant(MODALITY_SETS[4]) }),
    campus: fc.option(fc.constantFrom(...CAMPUSES), { freq: 4 }),
  });
}

/**
 * Random programs with the awkward cases on purpose: unknown years, no modality, mentors without capacity,
 * tags that differ only by case, exclusions, partial rankings naming unknown or ineligible people, and ids
 * that do not sort like their positions.
 */
export function programArbitrary(limits: {
  mentees: number;
  mentors: number;
  maxCapacity?: number;
  /** Smallest sizes generated (default 0), to make sure the large end is exercised. */
  minMentees?: number;
  minMentors?: number;
}): fc.Arbitrary<MatchingInput> {
  return fc
    .record({
      menteeCount: fc.integer({ min: limits.minMentees ?? 0, max: limits.mentees }),
      mentorCount: fc.integer({ min: limits.minMentors ?? 0, max: limits.mentors }),
      salt: fc.integer({ min: 0, max: 9999 }),
    })
    .chain(({ menteeCount, mentorCount, salt }) => {
      // Ids in scrambled order, so that index order and id order differ in the input.
      const menteeIds = Array.from({ length: menteeCount }, (_, k) => `e${((k * 7919 + salt) % 10007).toString(36)}-${k}`);
      const mentorIds = Array.from({ length: mentorCount }, (_, k) => `r${((k * 104729 + salt) % 10007).toString(36)}-${k}`);
      const mentees = fc.tuple(...menteeIds.map((id) => personArbitrary(id, { min: 1, max: 4 })));
      const mentors = fc.tuple(
        ...mentorIds.map((id) =>
          fc.tuple(personArbitrary(id, { min: 1, max: 6 }), fc.integer({ min: 0, max: limits.maxCapacity ?? 3 })).map(
            ([person, capacity]): MatchingMentor => ({ ...person, capacity }),
          ),
        ),
      );
      const pair = fc.record({ menteeId: fc.constantFrom('unknown', ...menteeIds), mentorId: fc.constantFrom('unknown', ...mentorIds) });
      const ranking = (ids: string[]) => fc.subarray(['unknown', ...ids]).chain((subset) => fc.shuffledSubarray(subset, { minLength: subset.length }));
      const rankings = (owners: string[], others: string[]) =>
        fc.tuple(...owners.map((owner) => fc.option(ranking(others), { freq: 2 }).map((list) => [owner, list] as const))).map((entries) => {
          const record: Record<string, string[]> = {};
          for (const [owner, list] of entries) if (list !== null) record[owner] = list;
          return record;
        });
      return fc.record({
        mentees: mentees.map((list) => [...list]),
        mentors: mentors.map((list) => [...list]),
        exclusions: fc.array(pair, { maxLength: Math.min(8, menteeCount * mentorCount) }),
        menteeRankings: rankings(menteeIds, mentorIds),
        mentorRankings: rankings(mentorIds, menteeIds),
      });
    });
}

/** The same program with every list in another order. */
export function shuffled(input: MatchingInput, seed: number): MatchingInput {
  const order = <T>(list: readonly T[]): T[] => list.map((item, k) => ({ item, key: (k * 2654435761 + seed) % 4294967291 })).sort((a, b) => a.key - b.key).map((x) => x.item);
  return { ...input, mentees: order(input.mentees), mentors: order(input.mentors), exclusions: order(input.exclusions ?? []) };
}
