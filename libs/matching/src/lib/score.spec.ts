import fc from 'fast-check';
import { programArbitrary } from '../testing/arbitraries';
import { scoreOnePair, scoreRowInto } from './pairs';
import { runMatching, scoreAllPairs } from './run';
import { prepare } from './prepare';
import { isEligible, scorePair } from './score';
import type { MatchingMentee, MatchingMentor } from './types';
import { DEFAULT_WEIGHTS, resolveWeights } from './weights';

const mentee: MatchingMentee = {
  id: 'mentee-a',
  yearOfStudy: 1,
  interests: ['Cardiology', 'surgery', 'research'],
  languages: ['English', 'French'],
  modalities: ['in_person', 'virtual'],
  campus: 'North',
};
const mentor: MatchingMentor = {
  id: 'mentor-a',
  yearOfStudy: 3,
  interests: ['cardiology ', 'Research', 'oncology'],
  languages: ['english'],
  modalities: ['virtual', 'in_person'],
  campus: 'north',
  capacity: 2,
};

describe('scorePair', () => {
  it('adds the default points of every criterion and explains each one', () => {
    const { score, reasons } = scorePair(mentee, mentor);
    // 2 interests x 3 + 1 language x 2 + campus 2 + both modalities 1 + ideal gap 2 units x 1
    expect(score).toBe(6 + 2 + 2 + 1 + 2);
    expect(reasons.map((r) => r.text)).toEqual([
      'both interested in Cardiology',
      'both interested in research',
      'both speak English',
      'both at the North campus',
      'both available in person and virtually',
      'mentor in year 3, mentee in year 1',
    ]);
    expect(reasons.map((r) => r.code)).toEqual(['shared_interest', 'shared_interest', 'shared_language', 'same_campus', 'shared_modality', 'year_gap']);
    expect(reasons[5].params).toEqual({ mentorYear: 3, menteeYear: 1, gap: 2, points: 2 });
    expect(reasons[0].params).toEqual({ interest: 'Cardiology', points: 3 });
  });

  it('uses per-program weights and scores the year gap by closeness to two years', () => {
    const weights = { sharedInterest: 10, sharedLanguage: 0, sameCampus: 0, modalityBoth: 0, yearGapIdeal: 5 };
    expect(scorePair(mentee, mentor, weights).score).toBe(20 + 10);
    expect(scorePair(mentee, { ...mentor, yearOfStudy: 2 }, weights).score).toBe(20 + 5);
    expect(scorePair(mentee, { ...mentor, yearOfStudy: 4 }, weights).score).toBe(20 + 5);
    expect(scorePair(mentee, { ...mentor, yearOfStudy: 6 }, weights).score).toBe(20);
  });

  it('gives modality points only when both can meet both ways, and no campus points without a campus', () => {
    const { score, reasons } = scorePair({ ...mentee, modalities: ['virtual'], campus: null }, { ...mentor, campus: null });
    expect(score).toBe(6 + 2 + 0 + 0 + 2);
    expect(reasons.find((r) => r.code === 'shared_modality')?.text).toBe('both available virtually');
    expect(reasons.some((r) => r.code === 'same_campus')).toBe(false);
  });

  it('does not double-count a tag listed twice', () => {
    expect(scorePair({ ...mentee, interests: ['surgery', 'Surgery'] }, { ...mentor, interests: ['surgery'] }).reasons.filter((r) => r.code === 'shared_interest')).toHaveLength(1);
  });
});

describe('isEligible', () => {
  it('needs the mentor above the mentee, a shared modality, known years and no exclusion', () => {
    expect(isEligible(mentee, mentor)).toBe(true);
    expect(isEligible(mentee, { ...mentor, yearOfStudy: 1 })).toBe(false);
    expect(isEligible({ ...mentee, modalities: ['in_person'] }, { ...mentor, modalities: ['virtual'] })).toBe(false);
    expect(isEligible({ ...mentee, yearOfStudy: 0 }, mentor)).toBe(false);
    expect(isEligible(mentee, mentor, (a, b) => a === 'mentee-a' && b === 'mentor-a')).toBe(false);
    expect(isEligible(mentee, mentor, () => false)).toBe(true);
  });
});

describe('weights', () => {
  it('defaults what is missing and rejects fractional, negative or huge weights', () => {
    expect(resolveWeights({ sameCampus: 7 })).toEqual({ ...DEFAULT_WEIGHTS, sameCampus: 7 });
    expect(() => resolveWeights({ sharedInterest: 1.5 })).toThrow(RangeError);
    expect(() => resolveWeights({ sharedLanguage: -1 })).toThrow(RangeError);
    expect(() => resolveWeights({ yearGapIdeal: 5000 })).toThrow(RangeError);
  });
});

describe('the compiled pair loop', () => {
  it('agrees with isEligible and scorePair on every pair of random programs', () => {
    fc.assert(
      fc.property(programArbitrary({ mentees: 8, mentors: 8 }), fc.constantFrom(undefined, { sharedInterest: 7, modalityBoth: 4 }), (input, weights) => {
        const program = { ...input, weights };
        const p = prepare(program);
        const excluded = new Set((input.exclusions ?? []).map((x) => `${x.menteeId}|${x.mentorId}`));
        p.mentees.forEach((e, i) =>
          p.mentors.forEach((r, j) => {
            const eligible = isEligible(e, r, (a, b) => excluded.has(`${a}|${b}`));
            expect(scoreOnePair(p, i, j)).toBe(eligible ? scorePair(e, r, weights).score : -1);
          }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('handles more than 64 interests (the wide loop)', () => {
    const many = Array.from({ length: 80 }, (_, k) => `topic ${k}`);
    const e = { ...mentee, interests: many.slice(0, 75) };
    const r = { ...mentor, interests: many.slice(5) };
    const p = prepare({ mentees: [e], mentors: [r] });
    expect(p.interestWords).toBe(3);
    expect(scoreOnePair(p, 0, 0)).toBe(scorePair(e, r).score);
    expect(scorePair(e, r).reasons.filter((x) => x.code === 'shared_interest')).toHaveLength(70);
    const row = new Uint16Array(1);
    scoreRowInto(p, 0, row, 0xffff);
    expect(row[0]).toBe(scorePair(e, r).score);
  });
});

describe('scoreAllPairs (the benchmark floor)', () => {
  it('counts the eligible pairs and sums their scores', () => {
    fc.assert(
      fc.property(programArbitrary({ mentees: 10, mentors: 6 }), (input) => {
        const excluded = new Set((input.exclusions ?? []).map((x) => `${x.menteeId}|${x.mentorId}`));
        let eligiblePairs = 0;
        let checksum = 0;
        for (const e of input.mentees) {
          for (const r of input.mentors) {
            if (!isEligible(e, r, (a, b) => excluded.has(`${a}|${b}`))) continue;
            eligiblePairs++;
            checksum += scorePair(e, r).score;
          }
        }
        expect(scoreAllPairs(input)).toEqual({ eligiblePairs, checksum });
        expect(runMatching(input, 'optimal').stats.eligiblePairs).toBe(eligiblePairs);
      }),
      { numRuns: 100 },
    );
  });
});
