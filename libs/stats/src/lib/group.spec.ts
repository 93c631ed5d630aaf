import { summarizeGroup, welchDifference } from '../index';
import { handMean, handSd, nonFinitePaths } from './test-helpers';

// Student's sleep data (Cushny & Peebles 1905, as in R's `sleep` dataset): extra hours of sleep of
// 10 patients under drug 1 (group 1) and drug 2 (group 2).
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
const sleepStudents = drug1.map((pre, i) => ({ pre, post: drug2[i] }));

describe('summarizeGroup: paired t-test on the sleep data', () => {
  // Published values, R: t.test(extra ~ group, data = sleep, paired = TRUE) gives
  //   t = -4.0621, df = 9, p-value = 0.002833, 95 percent CI -2.4598858 -0.7001142, mean difference -1.58
  // for group1 - group2; here change = drug2 - drug1, so signs flip. SciPy 1.17 ttest_rel agrees:
  //   t = 4.062127683382037, p = 0.002832890197384273, CI [0.7001142367230175, 2.459885763276983].
  const g = summarizeGroup(sleepStudents);
  const diffs = drug2.map((x, i) => x - drug1[i]);

  it('the paired differences are the published ones', () => {
    diffs.forEach((d, i) => expect(d).toBeCloseTo([1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4][i], 12));
  });

  it('means and sd match the hand formula and the published values', () => {
    expect(g.n).toBe(10);
    expect(g.preMean).toBeCloseTo(handMean(drug1), 12);
    expect(g.preMean).toBeCloseTo(0.75, 12);
    expect(g.postMean).toBeCloseTo(handMean(drug2), 12);
    expect(g.postMean).toBeCloseTo(2.33, 12);
    expect(g.meanChange).toBeCloseTo(handMean(diffs), 12);
    expect(g.meanChange).toBeCloseTo(1.58, 12);
    expect(g.sdChange).toBeCloseTo(handSd(diffs), 12);
    expect(g.sdChange).toBeCloseTo(1.229995, 6);
  });

  it('t, p and the confidence interval match R', () => {
    expect(g.tStatistic).toBeCloseTo(4.0621, 4);
    expect(g.tStatistic).toBeCloseTo(handMean(diffs) / (handSd(diffs) / Math.sqrt(10)), 12);
    expect(g.pValue).toBeCloseTo(0.002833, 6);
    expect(g.pValue).toBeCloseTo(0.002832890197384273, 12);
    expect(g.ci95).not.toBeNull();
    const [lo, hi] = g.ci95 ?? [NaN, NaN];
    expect(lo).toBeCloseTo(0.7001142, 7);
    expect(hi).toBeCloseTo(2.4598858, 7);
  });

  it("Cohen's dz is mean / sd of the change", () => {
    expect(g.cohensDz).toBeCloseTo(handMean(diffs) / handSd(diffs), 12);
    expect(g.cohensDz).toBeCloseTo(1.58 / 1.229995, 5);
  });
});

describe('summarizeGroup: hand-checked small cases', () => {
  it('changes 1, 2, 3 (df = 2, closed-form t distribution)', () => {
    const g = summarizeGroup([
      { pre: 50, post: 51 },
      { pre: 60, post: 62 },
      { pre: 70, post: 73 },
    ]);
    // mean 2, sd 1, se 1/sqrt(3), t = 2 sqrt(3).
    // For df = 2: P(T <= t) = 1/2 + t / (2 sqrt(2 + t^2)), so p = 1 - t / sqrt(2 + t^2);
    // quantile q(p) = (2p - 1) / sqrt(2 p (1 - p)).
    const t = 2 * Math.sqrt(3);
    const q = (2 * 0.975 - 1) / Math.sqrt(2 * 0.975 * 0.025);
    expect(q).toBeCloseTo(4.302653, 6); // table value of t(0.975, 2)
    expect(g).toEqual({
      n: 3,
      preMean: 60,
      postMean: 62,
      meanChange: 2,
      sdChange: 1,
      ci95: [expect.closeTo(2 - q / Math.sqrt(3), 10), expect.closeTo(2 + q / Math.sqrt(3), 10)],
      cohensDz: 2,
      tStatistic: expect.closeTo(t, 12),
      pValue: expect.closeTo(1 - t / Math.sqrt(2 + t * t), 12),
    });
    expect(g.pValue).toBeCloseTo(0.07418, 5);
  });

  it('changes 0 and 2 (df = 1, Cauchy): p = 1 - 2 atan(t) / pi', () => {
    const g = summarizeGroup([
      { pre: 10, post: 10 },
      { pre: 20, post: 22 },
    ]);
    // mean 1, sd sqrt(2), se 1, t = 1 -> p = 1 - 2 * atan(1) / pi = 0.5; q(0.975, 1) = tan(0.475 pi) = 12.7062
    expect(g.meanChange).toBe(1);
    expect(g.sdChange).toBeCloseTo(Math.SQRT2, 14);
    expect(g.tStatistic).toBeCloseTo(1, 14);
    expect(g.pValue).toBeCloseTo(0.5, 12);
    const q = Math.tan(0.475 * Math.PI);
    expect(q).toBeCloseTo(12.7062, 4);
    expect(g.ci95?.[0]).toBeCloseTo(1 - q, 9);
    expect(g.ci95?.[1]).toBeCloseTo(1 + q, 9);
    expect(g.cohensDz).toBeCloseTo(1 / Math.SQRT2, 14);
  });

  it('a mean change of exactly 0 gives t = 0 and p = 1', () => {
    const g = summarizeGroup([
      { pre: 50, post: 55 },
      { pre: 50, post: 45 },
    ]);
    expect(g.meanChange).toBe(0);
    expect(g.tStatistic).toBe(0);
    expect(g.pValue).toBe(1);
    expect(g.cohensDz).toBe(0);
  });
});

describe('summarizeGroup: edge cases', () => {
  it('n = 0: n is 0 and every other field is null', () => {
    expect(summarizeGroup([])).toEqual({
      n: 0,
      preMean: null,
      postMean: null,
      meanChange: null,
      sdChange: null,
      ci95: null,
      cohensDz: null,
      tStatistic: null,
      pValue: null,
    });
  });

  it('n = 1: means are numbers, everything that needs a variance is null', () => {
    expect(summarizeGroup([{ pre: 62.5, post: 70 }])).toEqual({
      n: 1,
      preMean: 62.5,
      postMean: 70,
      meanChange: 7.5,
      sdChange: null,
      ci95: null,
      cohensDz: null,
      tStatistic: null,
      pValue: null,
    });
  });

  it('zero variance, n >= 2: sd 0, ci [mean, mean], dz/t/p null', () => {
    expect(
      summarizeGroup([
        { pre: 50, post: 60 },
        { pre: 70, post: 80 },
        { pre: 30, post: 40 },
      ]),
    ).toEqual({
      n: 3,
      preMean: 50,
      postMean: 60,
      meanChange: 10,
      sdChange: 0,
      ci95: [10, 10],
      cohensDz: null,
      tStatistic: null,
      pValue: null,
    });
  });

  it('zero variance up to floating-point noise still counts as zero variance', () => {
    const students = [
      { pre: 2.2, post: 12.3 },
      { pre: 2.3, post: 12.4 },
      { pre: 0.1, post: 10.2 },
      { pre: 2.8, post: 12.9 },
    ];
    const raw = students.map((s) => s.post - s.pre);
    // Precondition: the raw differences really are not all identical in binary floating point.
    expect(new Set(raw).size).toBeGreaterThan(1);
    const g = summarizeGroup(students);
    expect(g.sdChange).toBe(0);
    expect(g.meanChange).toBeCloseTo(10.1, 12);
    expect(g.ci95?.[0]).toBe(g.meanChange);
    expect(g.ci95?.[1]).toBe(g.meanChange);
    expect(g.tStatistic).toBeNull();
    expect(g.pValue).toBeNull();
    expect(g.cohensDz).toBeNull();
  });

  it('is exact for changes that are identical but have no exact mean by summation (0.1 three times)', () => {
    const g = summarizeGroup([
      { pre: 0, post: 0.1 },
      { pre: 0, post: 0.1 },
      { pre: 0, post: 0.1 },
    ]);
    expect(g.meanChange).toBe(0.1);
    expect(g.postMean).toBe(0.1);
  });

  it('huge values do not overflow to Infinity', () => {
    const big = Number.MAX_VALUE;
    const g = summarizeGroup([
      { pre: -big, post: big },
      { pre: big, post: -big },
      { pre: 0, post: big / 2 },
    ]);
    expect(nonFinitePaths(g)).toEqual([]);
    expect(g.preMean).toBeCloseTo(0, 0);
    // change of the first student is 2 * MAX_VALUE: not representable, yet t and dz are scale-free
    expect(g.tStatistic).not.toBeNull();
    expect(g.meanChange).toBeCloseTo(big / 6, -300);
  });

  it('rejects non-finite input', () => {
    expect(() => summarizeGroup([{ pre: NaN, post: 1 }])).toThrow(RangeError);
    expect(() => summarizeGroup([{ pre: 1, post: Infinity }])).toThrow(RangeError);
  });
});

describe('welchDifference', () => {
  // R: t.test(extra ~ group, data = sleep) (Welch Two Sample t-test):
  //   t = -1.8608, df = 17.776, p-value = 0.07939, 95 percent CI -3.3654832 0.2054832,
  //   means 0.75 and 2.33. SciPy 1.17 ttest_ind(equal_var=False) agrees: t = -1.8608134674868526,
  //   df = 17.776473516178488, p = 0.0793941401873583.
  it('matches R on the sleep data (group 1 minus group 2)', () => {
    const d = welchDifference(drug1, drug2);
    expect(d.estimate).toBeCloseTo(0.75 - 2.33, 12);
    expect(d.df).toBeCloseTo(17.776, 3);
    expect(d.df).toBeCloseTo(17.776473516178488, 10);
    expect(d.pValue).toBeCloseTo(0.07939, 5);
    expect(d.pValue).toBeCloseTo(0.0793941401873583, 10);
    expect(d.ci95?.[0]).toBeCloseTo(-3.3654832, 7);
    expect(d.ci95?.[1]).toBeCloseTo(0.2054832, 7);
  });

  it('df is the Welch–Satterthwaite formula computed by hand', () => {
    const a = [1, 2, 3, 4];
    const b = [10, 20, 30];
    const va = handSd(a) ** 2 / a.length;
    const vb = handSd(b) ** 2 / b.length;
    const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
    const d = welchDifference(a, b);
    expect(d.estimate).toBe(2.5 - 20);
    expect(d.df).toBeCloseTo(df, 12);
    // symmetric: swapping the groups flips the estimate and the interval, keeps p and df
    const e = welchDifference(b, a);
    expect(e.estimate).toBe(17.5);
    expect(e.pValue).toBeCloseTo(d.pValue ?? NaN, 14);
    expect(e.df).toBeCloseTo(d.df ?? NaN, 12);
    expect(e.ci95?.[0]).toBeCloseTo(-(d.ci95?.[1] ?? NaN), 12);
  });

  it('one group with zero variance: df = n - 1 of the other, a one-sample test against the constant', () => {
    // b constant 0, a = 1, 2, 3: same as the one-sample test of a with df = 2 (see the closed form above)
    const d = welchDifference([1, 2, 3], [0, 0, 0, 0]);
    const t = 2 * Math.sqrt(3);
    expect(d.estimate).toBe(2);
    expect(d.df).toBeCloseTo(2, 12);
    expect(d.pValue).toBeCloseTo(1 - t / Math.sqrt(2 + t * t), 12);
  });

  it('either group empty: everything null', () => {
    const none = { estimate: null, ci95: null, pValue: null, df: null };
    expect(welchDifference([], [1, 2])).toEqual(none);
    expect(welchDifference([1, 2], [])).toEqual(none);
    expect(welchDifference([], [])).toEqual(none);
  });

  it('a group with n = 1: estimate only', () => {
    expect(welchDifference([5], [1, 2, 3])).toEqual({ estimate: 3, ci95: null, pValue: null, df: null });
    expect(welchDifference([1, 2, 3], [5])).toEqual({ estimate: -3, ci95: null, pValue: null, df: null });
  });

  it('both variances zero: estimate only', () => {
    expect(welchDifference([4, 4, 4], [1, 1])).toEqual({ estimate: 3, ci95: null, pValue: null, df: null });
  });
});
