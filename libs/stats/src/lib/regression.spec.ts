import fc from 'fast-check';
import { ancova, ols, simpleRegression } from '../index';
import reference from './reference/regression-reference.json';
import { nonFinitePaths } from './test-helpers';

// Every reference value below was printed by R's lm() (libs/stats/src/lib/reference/regression.R) on data sets that
// ship with R. "6+ significant digits": a relative error under 5e-7 (the actual agreement is ~1e-12).
const SIGNIFICANT = 5e-7;

function expectSignificant(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(actual).toBeDefined();
  const a = actual ?? NaN;
  const scale = Math.max(Math.abs(expected), 1e-300);
  if (Math.abs(a - expected) / scale > SIGNIFICANT) {
    throw new Error(`expected ${a} to equal ${expected} to 6 significant digits`);
  }
}

interface RCoefficient {
  estimate: number;
  standardError: number;
  tStatistic: number;
  pValue: number;
  ci95: number[];
}

function expectCoefficient(actual: { estimate: number | null; standardError: number | null; pValue: number | null; ci95: [number, number] | null }, expected: RCoefficient): void {
  expectSignificant(actual.estimate, expected.estimate);
  expectSignificant(actual.standardError, expected.standardError);
  expectSignificant(actual.pValue, expected.pValue);
  expect(actual.ci95).not.toBeNull();
  expectSignificant(actual.ci95?.[0], expected.ci95[0]);
  expectSignificant(actual.ci95?.[1], expected.ci95[1]);
}

describe('ancova against R lm(post ~ pre + treated)', () => {
  it('covers at least three published data sets', () => {
    expect(new Set(reference.ancova.map((c) => c.source.split(',')[0])).size).toBeGreaterThanOrEqual(3);
  });

  for (const c of reference.ancova) {
    it(`${c.label} (${c.source})`, () => {
      const students = c.pre.map((pre, i) => ({ pre, post: c.post[i], treated: c.treated[i] === 1 }));
      const a = ancova(students);
      expect(a.n).toBe(c.pre.length);
      expect(a.df).toBe(c.fit.df);
      expectCoefficient(a, c.treatedCoefficient);
    });

    it(`${c.label}: every coefficient, sigma and RSS of the full fit`, () => {
      const fit = ols(
        c.pre.map((pre, i) => [1, pre, c.treated[i]]),
        c.post,
      );
      expect(fit).not.toBeNull();
      expect(fit?.df).toBe(c.fit.df);
      expectSignificant(fit?.sigma, c.fit.sigma);
      expectSignificant(fit?.rss, c.fit.rss);
      c.fit.coefficients.forEach((expected, j) => {
        const actual = fit?.coefficients[j];
        expect(actual).toBeDefined();
        if (actual) expectCoefficient(actual, expected);
      });
    });
  }

  it('the anorexia CBT estimate is the published one (Hand et al., 4.24 lb, SE 1.84)', () => {
    const c = reference.ancova[0];
    const a = ancova(c.pre.map((pre, i) => ({ pre, post: c.post[i], treated: c.treated[i] === 1 })));
    expect(a.estimate).toBeCloseTo(4.244, 3);
    expect(a.standardError).toBeCloseTo(1.838, 3);
  });
});

describe('simpleRegression against R lm(y ~ x)', () => {
  for (const c of reference.slopes) {
    it(`${c.label} (${c.source})`, () => {
      const s = simpleRegression(c.x, c.y);
      expect(s.n).toBe(c.x.length);
      expect(s.df).toBe(c.x.length - 2);
      expectSignificant(s.intercept, c.intercept);
      expectCoefficient(s, c.slope);
    });
  }
});

describe('ols against R on a general design', () => {
  for (const c of reference.ols) {
    it(`${c.label} (${c.source})`, () => {
      const fit = ols(c.X, c.y);
      expect(fit?.df).toBe(c.fit.df);
      expectSignificant(fit?.sigma, c.fit.sigma);
      c.fit.coefficients.forEach((expected, j) => {
        const actual = fit?.coefficients[j];
        if (!actual) throw new Error(`coefficient ${j} missing`);
        expectCoefficient(actual, expected);
      });
    });
  }

  it('is invariant to the scale of y (power-of-two scaling is exact)', () => {
    const c = reference.ols[0];
    const a = ols(c.X, c.y);
    const b = ols(
      c.X,
      c.y.map((v) => v * 1e200),
    );
    a?.coefficients.forEach((coef, j) => expectSignificant((b?.coefficients[j].estimate ?? NaN) / 1e200, coef.estimate));
  });
});

describe('degenerate inputs: nulls, never NaN', () => {
  const base = [
    { pre: 50, post: 55, treated: true },
    { pre: 60, post: 62, treated: true },
    { pre: 55, post: 54, treated: false },
    { pre: 65, post: 64, treated: false },
    { pre: 70, post: 75, treated: true },
  ];
  const allNull = (n: number) => ({ n, estimate: null, ci95: null, pValue: null, standardError: null, df: null });

  it('n < 4', () => {
    expect(ancova([])).toEqual(allNull(0));
    expect(ancova(base.slice(0, 3))).toEqual(allNull(3));
  });

  it('n = 4 has one residual degree of freedom', () => {
    const a = ancova(base.slice(0, 4));
    expect(a.df).toBe(1);
    expect(a.estimate).not.toBeNull();
  });

  it('a constant pre value', () => {
    expect(ancova(base.map((s) => ({ ...s, pre: 60 })))).toEqual(allNull(5));
  });

  it('one group empty (all treated, none treated)', () => {
    expect(ancova(base.map((s) => ({ ...s, treated: true })))).toEqual(allNull(5));
    expect(ancova(base.map((s) => ({ ...s, treated: false })))).toEqual(allNull(5));
  });

  it('pre alone separates the groups (collinear)', () => {
    expect(ancova(base.map((s) => ({ ...s, pre: s.treated ? 40 : 80 })))).toEqual(allNull(5));
  });

  it('a perfect fit: standard error 0, interval a point, p null', () => {
    const a = ancova(base.map((s) => ({ ...s, post: 10 + 0.5 * s.pre + (s.treated ? 3 : 0) })));
    expect(a.estimate).toBeCloseTo(3, 10);
    expect(a.standardError).toBe(0);
    expect(a.pValue).toBeNull();
    expect(a.ci95?.[0]).toBe(a.estimate);
  });

  it('slope: n < 2, constant x, n = 2 (no interval)', () => {
    expect(simpleRegression([], []).estimate).toBeNull();
    expect(simpleRegression([3, 3, 3], [1, 2, 3]).estimate).toBeNull();
    const two = simpleRegression([1, 3], [2, 6]);
    expect(two.estimate).toBeCloseTo(2, 12);
    expect(two.ci95).toBeNull();
    expect(two.pValue).toBeNull();
  });

  it('ragged input and non-finite values are refused', () => {
    expect(() => ols([[1, 2], [1]], [1, 2])).toThrow(RangeError);
    expect(() => ols([[1, NaN]], [1])).toThrow(RangeError);
    expect(() => simpleRegression([1, 2], [1])).toThrow(RangeError);
  });

  it('property: any finite input gives no NaN or Infinity', () => {
    const finite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 100 }));
    fc.assert(
      fc.property(fc.array(fc.record({ pre: finite, post: finite, treated: fc.boolean() }), { maxLength: 25 }), (students) => {
        const a = ancova(students);
        expect(nonFinitePaths(a)).toEqual([]);
        if (a.pValue !== null) expect(a.pValue).toBeLessThanOrEqual(1);
        const s = simpleRegression(
          students.map((x) => x.pre),
          students.map((x) => x.post),
        );
        expect(nonFinitePaths(s)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
