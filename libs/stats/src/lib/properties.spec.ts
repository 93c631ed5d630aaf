import fc from 'fast-check';
import { passRates, pearsonCorrelation, prePostByStudent, summarizeGroup, summarizeLikert, welchDifference } from '../index';
import { nonFinitePaths } from './test-helpers';

/** Any finite double (including -0, subnormals and ±MAX_VALUE), plus realistic grades. */
const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.integer({ min: -5, max: 100 }),
);
const prePost = fc.record({ pre: finite, post: finite });

function expectProbability(p: number | null): void {
  if (p !== null) {
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  }
}

describe('never NaN or Infinity (property-based)', () => {
  it('summarizeGroup', () => {
    fc.assert(
      fc.property(fc.array(prePost, { maxLength: 30 }), (students) => {
        const g = summarizeGroup(students);
        expect(nonFinitePaths(g)).toEqual([]);
        expect(g.n).toBe(students.length);
        expectProbability(g.pValue);
        if (g.n === 0) expect(Object.values(g).filter((v) => v !== null)).toEqual([0]);
        if (g.n === 1) expect([g.sdChange, g.ci95, g.cohensDz, g.tStatistic, g.pValue]).toEqual([null, null, null, null, null]);
        if (g.ci95 && g.meanChange !== null) {
          expect(g.ci95[0]).toBeLessThanOrEqual(g.meanChange);
          expect(g.ci95[1]).toBeGreaterThanOrEqual(g.meanChange);
        }
        if (g.sdChange !== null) expect(g.sdChange).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('welchDifference', () => {
    fc.assert(
      fc.property(fc.array(finite, { maxLength: 20 }), fc.array(finite, { maxLength: 20 }), (a, b) => {
        const d = welchDifference(a, b);
        expect(nonFinitePaths(d)).toEqual([]);
        expectProbability(d.pValue);
        if (a.length === 0 || b.length === 0) expect(d).toEqual({ estimate: null, ci95: null, pValue: null, df: null });
        if (a.length < 2 || b.length < 2) expect([d.ci95, d.pValue, d.df]).toEqual([null, null, null]);
        if (d.df !== null) {
          // Welch df lies between min(na, nb) - 1 and na + nb - 2
          expect(d.df).toBeGreaterThanOrEqual(Math.min(a.length, b.length) - 1 - 1e-9);
          expect(d.df).toBeLessThanOrEqual(a.length + b.length - 2 + 1e-9);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('pearsonCorrelation', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, finite), { maxLength: 20 }), (pairs) => {
        const c = pearsonCorrelation(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        expect(nonFinitePaths(c)).toEqual([]);
        expectProbability(c.pValue);
        if (c.r !== null) {
          expect(Math.abs(c.r)).toBeLessThanOrEqual(1);
        }
        if (c.ci95) {
          expect(c.ci95[0]).toBeGreaterThanOrEqual(-1);
          expect(c.ci95[1]).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('prePostByStudent, summarizeGroup on its output, and passRates on realistic-range records', () => {
    const record = fc.record({
      studentKey: fc.constantFrom('a', 'b', 'c', 'd'),
      takenOn: fc.constantFrom('2024-01-01', '2024-08-31', '2024-09-01', '2025-02-28'),
      score: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      maxScore: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      assessment: fc.constantFrom('osce', 'written'),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        const students = prePostByStudent(records, '2024-09-01');
        expect(nonFinitePaths(students)).toEqual([]);
        for (const s of students) {
          expect(s.preCount).toBeGreaterThan(0);
          expect(s.postCount).toBeGreaterThan(0);
        }
        expect(nonFinitePaths(summarizeGroup(students))).toEqual([]);
        expect(nonFinitePaths(welchDifference(students.map((s) => s.change), [0, 1, 2]))).toEqual([]);
        const rates = passRates(records, '2024-09-01');
        expect(nonFinitePaths(rates)).toEqual([]);
        expect(rates.pre.total + rates.post.total).toBe(records.length);
      }),
      { numRuns: 300 },
    );
  });

  it('summarizeLikert', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ itemId: fc.constantFrom('q1', 'q2', 'q3'), value: fc.integer({ min: 1, max: 5 }) }), { maxLength: 40 }), (answers) => {
        const out = summarizeLikert(answers);
        expect(nonFinitePaths(out)).toEqual([]);
        expect(out.reduce((s, i) => s + i.n, 0)).toBe(answers.length);
        for (const item of out) expect(item.distribution.reduce((s, c) => s + c, 0)).toBe(item.n);
      }),
    );
  });
});
