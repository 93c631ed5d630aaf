import fc from 'fast-check';
import { programArbitrary } from '../testing/arbitraries';
import { certificateGaps } from '../testing/certificate';
import { brokenRules } from '../testing/checks';
import { generateProgram } from '../testing/generate';
import { highsSolver, lpOptimum } from '../testing/lp';
import { checkDual, DualChecker } from './dual';
import { scanPairs } from './pairs';
import { prepare } from './prepare';
import { runMatching } from './run';
import type { MatchingInput, MatchingMentee, MatchingMentor, MatchingProgress } from './types';

const person = (id: string, year: number, interests: string[], modalities: MatchingMentee['modalities']): MatchingMentee => ({
  id,
  yearOfStudy: year,
  interests,
  languages: [],
  modalities,
  campus: null,
});
const mentorOf = (p: MatchingMentee, capacity: number): MatchingMentor => ({ ...p, capacity });

/**
 * Two places for four mentees. Greedy by score gives A the cardiology mentor X (5 points) and leaves B
 * with nobody it can meet; the optimum keeps two matches and, among the ways to get two, takes A->X and
 * D->Y (7 points) over A->Y, B->X (4). C is in year 4: no mentor is above it.
 */
const tiny: MatchingInput = {
  mentees: [
    person('a', 1, ['cardiology'], ['in_person']),
    person('b', 1, [], ['virtual']),
    person('c', 4, ['cardiology'], ['in_person']),
    person('d', 1, [], ['in_person']),
  ],
  mentors: [mentorOf(person('x', 3, ['cardiology'], ['in_person', 'virtual']), 1), mentorOf(person('y', 3, [], ['in_person']), 1)],
};

describe('optimal on a tiny program with a known answer', () => {
  const result = runMatching(tiny, 'optimal');

  it('matches as many as possible, then maximizes the score', () => {
    expect(result.assignments.map((a) => [a.menteeId, a.mentorId, a.score])).toEqual([
      ['a', 'x', 5],
      ['d', 'y', 2],
    ]);
    expect(result.stats).toEqual({ mentees: 4, mentors: 2, eligiblePairs: 5, matched: 2, matchRate: 0.5, meanScore: 3.5, totalScore: 7 });
  });

  it('says why each mentee is left out', () => {
    expect(result.unmatched).toEqual([
      { menteeId: 'b', reason: 'eligible_mentors_full' },
      { menteeId: 'c', reason: 'no_eligible_mentor' },
    ]);
  });

  it('explains each assignment in words', () => {
    expect(result.assignments[0].reasons.map((r) => r.text)).toEqual(['both interested in cardiology', 'both available in person', 'mentor in year 3, mentee in year 1']);
  });

  it('prefers two matches to one better match', () => {
    const twoMentees = { ...tiny, mentees: tiny.mentees.filter((m) => m.id === 'a' || m.id === 'b') };
    expect(runMatching(twoMentees, 'optimal').assignments.map((a) => `${a.menteeId}->${a.mentorId}`)).toEqual(['a->y', 'b->x']);
  });

  it('carries a verified certificate over every eligible pair', () => {
    const certificate = result.certificate;
    expect(certificate).toBeDefined();
    expect(certificate?.verified).toBe(true);
    expect(certificate?.pairsChecked).toBe(5);
    expect(certificate?.matchValue).toBe(5 + 2 + 2 + 1); // best score of a, b, d (c has none) + 1
    expect(certificate?.primalObjective).toBe(2 * 10 + 7);
    expect(certificate?.dualObjective).toBe(certificate?.primalObjective);
    expect(Object.keys(certificate?.mentorPrices ?? {})).toEqual(['x', 'y']);
    expect(certificateGaps(tiny, result)).toEqual([]);
  });

  it('honours exclusions', () => {
    const excluded = runMatching({ ...tiny, exclusions: [{ menteeId: 'a', mentorId: 'x' }] }, 'optimal');
    // Without a->x every way to fill both places scores 4 (a->y with b->x or d->x, or b->x with d->y).
    expect(excluded.stats).toMatchObject({ matched: 2, totalScore: 4 });
    expect(excluded.assignments.some((a) => a.menteeId === 'a' && a.mentorId === 'x')).toBe(false);
  });
});

describe('the certificate check', () => {
  it('fails for prices that prove nothing, and names the pairs that beat them', () => {
    const p = prepare(tiny);
    const scan = scanPairs(p, 1e6);
    const mentorOf = Int32Array.from([0, -1, -1, 1]);
    const zero = checkDual(p, scan, { mentorOf, prices: new Float64Array(2), phases: 0 }, 10, 4);
    expect(zero.verified).toBe(false);
    expect(zero.dualObjective).toBeGreaterThan(zero.primalObjective);
    expect(zero.violations.map((v) => v.mentee)).toEqual([1]); // b, unmatched, beats a price of 0 at x
    const infeasible = checkDual(p, scan, { mentorOf: Int32Array.from([0, 0, -1, -1]), prices: new Float64Array([20, 20]), phases: 0 }, 10, 4);
    expect(infeasible.primalFeasible).toBe(false);
    expect(infeasible.verified).toBe(false);
  });

  it('settles a row from what an earlier check remembered only when reading it would give the same answer', () => {
    let settledRows = 0;
    fc.assert(
      fc.property(
        programArbitrary({ mentees: 40, mentors: 12, minMentees: 5, minMentors: 2 }),
        fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 12, maxLength: 12 }), { minLength: 2, maxLength: 5 }),
        fc.constantFrom(1, 2, 3, 32),
        fc.constantFrom(0, 256),
        (input, moves, listSize, maxListedDrops) => {
          const optimal = runMatching(input, 'optimal');
          const stable = runMatching(input, 'stable');
          const p = prepare(input);
          const scan = scanPairs(p, 1e6);
          const matchValue = optimal.certificate?.matchValue ?? 1;
          const assignments = [optimal, stable].map((result) => {
            const byMentee = new Map(result.assignments.map((a) => [a.menteeId, a.mentorId]));
            return Int32Array.from(p.mentees, (e) => p.mentorIndex.get(byMentee.get(e.id) ?? '') ?? -1);
          });
          const base = p.mentors.map((r) => optimal.certificate?.mentorPrices[r.id] ?? 0);
          const checker = new DualChecker(p, scan, matchValue, listSize, maxListedDrops);
          moves.forEach((move, round) => {
            // Prices near the optimal ones, moving a little every other round, with the optimal or the stable
            // assignment. Short lists overflow, which exercises the code that makes room in them; with no drops
            // listed, rows are bounded by the largest drop instead.
            const prices = Float64Array.from(base, (v, j) => Math.max(0, v + move[j % move.length] * (round % 2)));
            const flow = { mentorOf: assignments[round % 3 === 2 ? 1 : 0], prices, phases: 0 };
            const remembered = checker.check(flow, 4);
            const fresh = new DualChecker(p, scan, matchValue, listSize, maxListedDrops).check(flow, 4);
            expect({ ...remembered, pairsCompared: 0, rowsRead: 0 }).toEqual({ ...fresh, pairsCompared: 0, rowsRead: 0 });
            settledRows += fresh.rowsRead - remembered.rowsRead;
          });
        },
      ),
      { numRuns: 200 },
    );
    // The memory must really be used, or this test proves nothing about it.
    expect(settledRows).toBeGreaterThan(1000);
  });

  it('is rejected by the independent check when tampered with or attached to a worse result', () => {
    const input = generateProgram(60, 15, 4);
    const result = runMatching(input, 'optimal');
    expect(certificateGaps(input, result)).toEqual([]);
    const certificate = result.certificate;
    if (certificate === undefined) throw new Error('no certificate');
    // Prices of 0 bound every mentee by its best pair: more than this result earns, since a mentee is left out with mentors it could have had.
    expect(result.unmatched.some((u) => u.reason === 'eligible_mentors_full')).toBe(true);
    const free = Object.fromEntries(Object.keys(certificate.mentorPrices).map((id) => [id, 0]));
    expect(certificateGaps(input, { ...result, certificate: { ...certificate, mentorPrices: free } })).not.toEqual([]);
    expect(certificateGaps(input, { ...result, certificate: { ...certificate, dualObjective: certificate.dualObjective - 1 } })).not.toEqual([]);
    // A match worth 1 no longer outweighs every score, so the LP's optimum need not match the most mentees.
    expect(certificateGaps(input, { ...result, certificate: { ...certificate, matchValue: 1 } })).not.toEqual([]);
    // The same prices cannot prove a result with one assignment less.
    const dropped = result.assignments[0];
    const worse = {
      ...result,
      assignments: result.assignments.slice(1),
      stats: { ...result.stats, matched: result.stats.matched - 1, totalScore: result.stats.totalScore - dropped.score },
    };
    expect(certificateGaps(input, worse)).not.toEqual([]);
  });

  it('widens and solves again when the pruned solve fails it', () => {
    const input = generateProgram(150, 40, 7);
    const pruned = runMatching(input, 'optimal', undefined, { candidatesPerMentee: 1, mentorCandidateFactor: 0 });
    const normal = runMatching(input, 'optimal');
    expect(pruned.certificate?.rounds).toBeGreaterThan(1);
    expect(pruned.certificate?.widenedPairs).toBeGreaterThan(0);
    expect(pruned.certificate?.verified).toBe(true);
    expect(pruned.stats.matched).toBe(normal.stats.matched);
    expect(pruned.stats.totalScore).toBe(normal.stats.totalScore);
    expect(brokenRules(input, pruned)).toEqual([]);
    expect(certificateGaps(input, pruned)).toEqual([]);
  });

  it('gives the same result without the score cache', () => {
    const input = generateProgram(120, 30, 3);
    expect(runMatching(input, 'optimal', undefined, { maxCachedPairs: 0 })).toEqual(runMatching(input, 'optimal'));
  });
});

describe('optimal against an independent LP solver (HiGHS)', () => {
  const check = (input: MatchingInput, highs: Awaited<ReturnType<typeof highsSolver>>): void => {
    const result = runMatching(input, 'optimal');
    expect(brokenRules(input, result)).toEqual([]);
    expect(certificateGaps(input, result)).toEqual([]);
    expect({ matched: result.stats.matched, totalScore: result.stats.totalScore }).toEqual(lpOptimum(highs, input));
  };

  it('agrees on small random programs', async () => {
    const highs = await highsSolver();
    fc.assert(
      fc.property(programArbitrary({ mentees: 12, mentors: 6 }), (input) => check(input, highs)),
      { numRuns: 300 },
    );
  });

  it('agrees on random programs up to 80 x 25, also with forced widening', async () => {
    const highs = await highsSolver();
    let widenedRuns = 0;
    fc.assert(
      fc.property(programArbitrary({ mentees: 80, mentors: 25, maxCapacity: 4 }), fc.constantFrom(undefined, { sharedInterest: 5, yearGapIdeal: 3 }), (input, weights) => {
        const program = { ...input, weights };
        check(program, highs);
        const widened = runMatching(program, 'optimal', undefined, { candidatesPerMentee: 1, mentorCandidateFactor: 0 });
        expect({ matched: widened.stats.matched, totalScore: widened.stats.totalScore }).toEqual(lpOptimum(highs, program));
        expect(brokenRules(program, widened)).toEqual([]);
        expect(certificateGaps(program, widened)).toEqual([]);
        if ((widened.certificate?.rounds ?? 0) > 1) widenedRuns++;
      }),
      { numRuns: 60 },
    );
    // The forced runs must really go through the widen-and-resolve path, not only pass the first check.
    expect(widenedRuns).toBeGreaterThan(10);
  });

  it('agrees on random programs of 60-80 mentees and 18-25 mentors', async () => {
    const highs = await highsSolver();
    fc.assert(
      fc.property(programArbitrary({ mentees: 80, mentors: 25, maxCapacity: 4, minMentees: 60, minMentors: 18 }), (input) => check(input, highs)),
      { numRuns: 40 },
    );
  });

  it('agrees on generated programs shaped like a school', async () => {
    const highs = await highsSolver();
    for (const seed of [1, 2, 3]) check(generateProgram(80, 25, seed), highs);
  });
});

describe('progress', () => {
  it('reports phases in order, from 0 to 1', () => {
    const seen: MatchingProgress[] = [];
    runMatching(generateProgram(200, 50, 5), 'optimal', (p) => seen.push(p));
    const fractions = seen.map((p) => p.fraction);
    expect(fractions.every((f, k) => k === 0 || f >= fractions[k - 1])).toBe(true);
    expect(seen[seen.length - 1]).toEqual({ phase: 'done', fraction: 1 });
    expect(new Set(seen.map((p) => p.phase))).toEqual(new Set(['scoring', 'solving', 'verifying', 'done']));
  });
});
