import fc from 'fast-check';
import { programArbitrary } from '../testing/arbitraries';
import { brokenRules } from '../testing/checks';
import { generateProgram } from '../testing/generate';
import { findBlockingPairs } from './blocking';
import { runMatching } from './run';
import { isEligible, scorePair } from './score';
import type { MatchingInput, MatchingMentee, MatchingMentor, MatchingResult } from './types';

const person = (id: string, year: number, interests: string[] = []): MatchingMentee => ({
  id,
  yearOfStudy: year,
  interests,
  languages: [],
  modalities: ['in_person'],
  campus: null,
});
const mentor = (id: string, year: number, capacity: number, interests: string[] = []): MatchingMentor => ({ ...person(id, year, interests), capacity });
const pairsOf = (result: MatchingResult): string[] => result.assignments.map((a) => `${a.menteeId}->${a.mentorId}`);

describe('stable on tiny programs with known answers', () => {
  it('lets a mentor keep the mentee it ranked over one who proposed first', () => {
    const input: MatchingInput = {
      mentees: [person('a', 1), person('b', 1)],
      mentors: [mentor('x', 3, 1), mentor('y', 3, 1)],
      menteeRankings: { a: ['x'], b: ['x'] },
      mentorRankings: { x: ['b'] },
    };
    expect(pairsOf(runMatching(input, 'stable'))).toEqual(['a->y', 'b->x']);
  });

  it('ranks people left out of a partial list after the ranked ones, by score', () => {
    // a ranks only z; of the rest, x shares an interest (higher score) and comes before y.
    const input: MatchingInput = {
      mentees: [person('a', 1, ['surgery'])],
      mentors: [mentor('x', 3, 1, ['surgery']), mentor('y', 3, 1), mentor('z', 3, 0)],
      menteeRankings: { a: ['z'] },
    };
    expect(pairsOf(runMatching(input, 'stable'))).toEqual(['a->x']);
  });

  it('falls back to scores when nobody ranked, with ties going to the lower id', () => {
    const input: MatchingInput = {
      mentees: [person('b', 1, ['research']), person('a', 1, ['research'])],
      mentors: [mentor('y', 3, 1), mentor('x', 3, 1, ['research'])],
    };
    // Both want x (shared interest); x prefers them equally, so the lower id (a) keeps it.
    expect(pairsOf(runMatching(input, 'stable'))).toEqual(['a->x', 'b->y']);
  });

  it('ignores ranked people who are ineligible, unknown or repeated', () => {
    const input: MatchingInput = {
      mentees: [person('a', 2)],
      mentors: [mentor('x', 1, 1), mentor('y', 3, 1), mentor('w', 3, 1)],
      menteeRankings: { a: ['x', 'nobody', 'w', 'w', 'y'] },
    };
    expect(pairsOf(runMatching(input, 'stable'))).toEqual(['a->w']);
  });
});

describe('findBlockingPairs', () => {
  const input: MatchingInput = {
    mentees: [person('a', 1), person('b', 1)],
    mentors: [mentor('x', 3, 1), mentor('y', 3, 1)],
    menteeRankings: { a: ['x', 'y'], b: ['x', 'y'] },
    mentorRankings: { x: ['a', 'b'] },
  };
  const result = (assignments: Array<[string, string]>): MatchingResult => ({
    algorithm: 'stable',
    assignments: assignments.map(([menteeId, mentorId]) => ({ menteeId, mentorId, score: 0, reasons: [] })),
    unmatched: [],
    stats: { mentees: 2, mentors: 2, eligiblePairs: 4, matched: assignments.length, matchRate: 1, meanScore: 0, totalScore: 0 },
  });

  it('finds a mentee and mentor who both prefer each other', () => {
    expect(findBlockingPairs(input, result([['a', 'y'], ['b', 'x']]))).toEqual([{ menteeId: 'a', mentorId: 'x' }]);
    expect(findBlockingPairs(input, result([['a', 'x'], ['b', 'y']]))).toEqual([]);
  });

  it('counts a mentor with room and an unmatched mentee', () => {
    expect(findBlockingPairs(input, result([['a', 'x']]))).toEqual([{ menteeId: 'b', mentorId: 'y' }]);
  });

  it('agrees that the stable run has none', () => {
    expect(findBlockingPairs(input, runMatching(input, 'stable'))).toEqual([]);
  });
});

/** Each mentee's full order over mentors, built independently of the engine: ranked eligible ones, then by score and id. */
function referenceOrder(input: MatchingInput, mentee: MatchingMentee): string[] {
  const excluded = new Set((input.exclusions ?? []).map((x) => `${x.menteeId}|${x.mentorId}`));
  const eligible = input.mentors.filter((m) => isEligible(mentee, m, (a, b) => excluded.has(`${a}|${b}`)));
  const eligibleIds = new Set(eligible.map((m) => m.id));
  const ranked = [...new Set((input.menteeRankings?.[mentee.id] ?? []).filter((id) => eligibleIds.has(id)))];
  const rest = eligible
    .filter((m) => !ranked.includes(m.id))
    .map((m) => ({ id: m.id, score: scorePair(mentee, m, input.weights).score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .map((m) => m.id);
  return [...ranked, ...rest];
}

function referenceMentorOrder(input: MatchingInput, m: MatchingMentor): string[] {
  const excluded = new Set((input.exclusions ?? []).map((x) => `${x.menteeId}|${x.mentorId}`));
  const eligible = input.mentees.filter((e) => isEligible(e, m, (a, b) => excluded.has(`${a}|${b}`)));
  const eligibleIds = new Set(eligible.map((e) => e.id));
  const ranked = [...new Set((input.mentorRankings?.[m.id] ?? []).filter((id) => eligibleIds.has(id)))];
  const rest = eligible
    .filter((e) => !ranked.includes(e.id))
    .map((e) => ({ id: e.id, score: scorePair(e, m, input.weights).score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .map((e) => e.id);
  return [...ranked, ...rest];
}

/** Blocking pairs straight from the definition, with the reference orders: the engine's version must agree. */
function referenceBlocking(input: MatchingInput, assignment: Array<[string, string]>): string[] {
  const mentorOfMentee = new Map(assignment);
  const blocking: string[] = [];
  for (const e of input.mentees) {
    const order = referenceOrder(input, e);
    const current = mentorOfMentee.get(e.id);
    const currentPosition = current === undefined ? Infinity : order.indexOf(current);
    for (const [position, mentorId] of order.entries()) {
      if (position >= currentPosition) break;
      const m = input.mentors.find((x) => x.id === mentorId) as MatchingMentor;
      const held = assignment.filter(([, r]) => r === mentorId).map(([menteeId]) => menteeId);
      const mentorOrder = referenceMentorOrder(input, m);
      const worst = Math.max(...held.map((id) => mentorOrder.indexOf(id)));
      if (held.length < m.capacity || mentorOrder.indexOf(e.id) < worst) blocking.push(`${e.id}->${mentorId}`);
    }
  }
  return blocking.sort();
}

/** Every assignment that respects eligibility and capacities, for programs of a handful of people. */
function allAssignments(input: MatchingInput): Array<Array<[string, string]>> {
  const excluded = new Set((input.exclusions ?? []).map((x) => `${x.menteeId}|${x.mentorId}`));
  const out: Array<Array<[string, string]>> = [];
  const load = new Map<string, number>();
  const walk = (k: number, chosen: Array<[string, string]>): void => {
    if (k === input.mentees.length) {
      out.push([...chosen]);
      return;
    }
    const mentee = input.mentees[k];
    walk(k + 1, chosen);
    for (const m of input.mentors) {
      if ((load.get(m.id) ?? 0) >= m.capacity || !isEligible(mentee, m, (a, b) => excluded.has(`${a}|${b}`))) continue;
      load.set(m.id, (load.get(m.id) ?? 0) + 1);
      chosen.push([mentee.id, m.id]);
      walk(k + 1, chosen);
      chosen.pop();
      load.set(m.id, (load.get(m.id) ?? 0) - 1);
    }
  };
  walk(0, []);
  return out;
}

describe('stable properties', () => {
  it('keeps every hard rule and leaves no blocking pair on random programs', () => {
    fc.assert(
      fc.property(programArbitrary({ mentees: 30, mentors: 10 }), (input) => {
        const result = runMatching(input, 'stable');
        expect(brokenRules(input, result)).toEqual([]);
        expect(findBlockingPairs(input, result)).toEqual([]);
        expect(result.certificate).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('gives every mentee its best partner among all stable assignments (brute force)', () => {
    fc.assert(
      fc.property(programArbitrary({ mentees: 5, mentors: 3, maxCapacity: 2 }), (input) => {
        const result = runMatching(input, 'stable');
        const got = new Map(result.assignments.map((a) => [a.menteeId, a.mentorId]));
        const position = (menteeId: string, mentorId: string | undefined): number => {
          const mentee = input.mentees.find((m) => m.id === menteeId) as MatchingMentee;
          const order = referenceOrder(input, mentee);
          return mentorId === undefined ? order.length : order.indexOf(mentorId);
        };
        let stableCount = 0;
        for (const assignment of allAssignments(input)) {
          const candidate: MatchingResult = { ...result, assignments: assignment.map(([menteeId, mentorId]) => ({ menteeId, mentorId, score: 0, reasons: [] })) };
          if (findBlockingPairs(input, candidate).length > 0) continue;
          stableCount++;
          const theirs = new Map(assignment);
          for (const mentee of input.mentees) expect(position(mentee.id, got.get(mentee.id))).toBeLessThanOrEqual(position(mentee.id, theirs.get(mentee.id)));
        }
        expect(stableCount).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('finds exactly the blocking pairs of the definition, for any feasible assignment', () => {
    fc.assert(
      fc.property(programArbitrary({ mentees: 5, mentors: 3, maxCapacity: 2 }), fc.nat(), (input, pick) => {
        const all = allAssignments(input);
        const assignment = all[pick % all.length];
        const result: MatchingResult = { ...runMatching(input, 'stable'), assignments: assignment.map(([menteeId, mentorId]) => ({ menteeId, mentorId, score: 0, reasons: [] })) };
        const engine = findBlockingPairs(input, result).map((b) => `${b.menteeId}->${b.mentorId}`).sort();
        expect(engine).toEqual(referenceBlocking(input, assignment));
      }),
      { numRuns: 300 },
    );
  });

  it('has no blocking pair on a generated school-sized program', () => {
    const input = generateProgram(400, 120, 11);
    const result = runMatching(input, 'stable');
    expect(findBlockingPairs(input, result)).toEqual([]);
    expect(result.stats.matched).toBeGreaterThan(300);
    expect(findBlockingPairs(input, runMatching(input, 'optimal')).length).toBeGreaterThan(0);
  });
});
