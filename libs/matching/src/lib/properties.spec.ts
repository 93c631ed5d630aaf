import fc from 'fast-check';
import { programArbitrary, shuffled } from '../testing/arbitraries';
import { certificateGaps } from '../testing/certificate';
import { brokenRules } from '../testing/checks';
import { findBlockingPairs } from './blocking';
import { runMatching } from './run';
import type { MatchingAlgorithm } from './types';

const algorithms: MatchingAlgorithm[] = ['optimal', 'stable'];
// The last choice makes scores exceed one byte and the counting-sort range, to reach the wider code paths.
const weightChoices = fc.constantFrom(undefined, { sharedInterest: 0, sharedLanguage: 9 }, { sameCampus: 20, yearGapIdeal: 0, modalityBoth: 300 }, { sharedInterest: 1000, sharedLanguage: 900, sameCampus: 800 });

describe.each(algorithms)('%s on random programs', (algorithm) => {
  it('keeps every hard rule and explains every assignment', () => {
    fc.assert(
      fc.property(programArbitrary({ mentees: 40, mentors: 12 }), weightChoices, (input, weights) => {
        const program = { ...input, weights };
        const result = runMatching(program, algorithm);
        expect(brokenRules(program, result)).toEqual([]);
        if (algorithm === 'stable') expect(findBlockingPairs(program, result)).toEqual([]);
        else expect(certificateGaps(program, result)).toEqual([]);
        for (const a of result.assignments) {
          expect(a.reasons.some((r) => r.code === 'year_gap')).toBe(true);
          expect(a.reasons.some((r) => r.code === 'shared_modality')).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: same input in any order, same output', () => {
    fc.assert(
      fc.property(programArbitrary({ mentees: 40, mentors: 12 }), fc.nat(), (input, seed) => {
        const first = runMatching(input, algorithm);
        expect(runMatching(input, algorithm)).toEqual(first);
        expect(runMatching(shuffled(input, seed), algorithm)).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same result whether or not pair scores are cached', () => {
    fc.assert(
      fc.property(programArbitrary({ mentees: 30, mentors: 10 }), (input) => {
        expect(runMatching(input, algorithm, undefined, { maxCachedPairs: 0 })).toEqual(runMatching(input, algorithm));
      }),
      { numRuns: 100 },
    );
  });
});

describe('optimal versus stable', () => {
  it('optimal matches at least as many mentees and, at that count, scores at least as much', () => {
    fc.assert(
      fc.property(programArbitrary({ mentees: 40, mentors: 12 }), (input) => {
        const optimal = runMatching(input, 'optimal').stats;
        const stable = runMatching(input, 'stable').stats;
        expect(optimal.matched).toBeGreaterThanOrEqual(stable.matched);
        if (optimal.matched === stable.matched) expect(optimal.totalScore).toBeGreaterThanOrEqual(stable.totalScore);
        expect(optimal.eligiblePairs).toBe(stable.eligiblePairs);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects a program that lists someone twice', () => {
    const mentee = { id: 'a', yearOfStudy: 1, interests: [], languages: [], modalities: ['virtual' as const], campus: null };
    expect(() => runMatching({ mentees: [mentee, mentee], mentors: [] }, 'optimal')).toThrow('mentee a appears twice');
  });

  it('handles empty programs', () => {
    for (const algorithm of algorithms) {
      const result = runMatching({ mentees: [], mentors: [] }, algorithm);
      expect(result.stats).toEqual({ mentees: 0, mentors: 0, eligiblePairs: 0, matched: 0, matchRate: 0, meanScore: null, totalScore: 0 });
      expect(findBlockingPairs({ mentees: [], mentors: [] }, result)).toEqual([]);
    }
    expect(runMatching({ mentees: [], mentors: [] }, 'optimal').certificate?.verified).toBe(true);
  });
});
