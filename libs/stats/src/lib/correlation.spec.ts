import { pearsonCorrelation } from '../index';
import { handMean } from './test-helpers';
import tCdf from '@stdlib/stats-base-dists-t-cdf';

function handR(x: number[], y: number[]): number {
  const mx = handMean(x);
  const my = handMean(y);
  const sxy = x.reduce((s, xi, i) => s + (xi - mx) * (y[i] - my), 0);
  const sxx = x.reduce((s, xi) => s + (xi - mx) ** 2, 0);
  const syy = y.reduce((s, yi) => s + (yi - my) ** 2, 0);
  return sxy / Math.sqrt(sxx * syy);
}

describe('pearsonCorrelation', () => {
  it('small hand-computed case: r = sqrt(0.6), closed-form p for df = 3', () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2, 4, 5, 4, 5];
    // By hand: sxy = 6, sxx = 10, syy = 6, so r = 6 / sqrt(60) = sqrt(0.6) = 0.7745967.
    // t = r sqrt(3 / (1 - r^2)) = sqrt(4.5). For df = 3, P(|T| > t) = 1 - (2/pi) (u / (1 + u^2) + atan(u)),
    // u = t / sqrt(3). SciPy 1.17 pearsonr: r = 0.7745966692414835, p = 0.1240270626575546,
    // Fisher CI [-0.34008203518751035, 0.9842357551507267].
    const c = pearsonCorrelation(x, y);
    expect(c.n).toBe(5);
    expect(c.r).toBeCloseTo(Math.sqrt(0.6), 14);
    expect(c.r).toBeCloseTo(handR(x, y), 14);
    const u = Math.sqrt(4.5) / Math.sqrt(3);
    const p = 1 - (2 / Math.PI) * (u / (1 + u * u) + Math.atan(u));
    expect(c.pValue).toBeCloseTo(p, 12);
    expect(c.pValue).toBeCloseTo(0.1240270626575546, 12);
    const z = Math.atanh(Math.sqrt(0.6));
    const h = 1.959963984540054 / Math.sqrt(2);
    expect(c.ci95?.[0]).toBeCloseTo(Math.tanh(z - h), 12);
    expect(c.ci95?.[1]).toBeCloseTo(Math.tanh(z + h), 12);
    expect(c.ci95?.[0]).toBeCloseTo(-0.34008203518751035, 10);
    expect(c.ci95?.[1]).toBeCloseTo(0.9842357551507267, 10);
  });

  it('the normal quantile used for Fisher z is the limit of the t quantile', () => {
    // qnorm(0.975) = 1.959963984540054; Student t with a huge df is the normal distribution.
    expect(tCdf(-1.959963984540054, 1e12)).toBeCloseTo(0.025, 11);
  });

  it("matches R's cor.test(mtcars$mpg, mtcars$wt)", () => {
    // R output: t = -9.559, df = 30, p-value = 1.294e-10,
    // 95 percent confidence interval -0.9338264 -0.7440872, cor -0.8676594
    const mpg = [21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26.0, 30.4, 15.8, 19.7, 15.0, 21.4];
    const wt = [2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73, 3.78, 5.25, 5.424, 5.345, 2.2, 1.615, 1.835, 2.465, 3.52, 3.435, 3.84, 3.845, 1.935, 2.14, 1.513, 3.17, 2.77, 3.57, 2.78];
    const c = pearsonCorrelation(mpg, wt);
    expect(c.n).toBe(32);
    expect(c.r).toBeCloseTo(-0.8676594, 7);
    expect(c.pValue).toBeGreaterThan(1.2935e-10);
    expect(c.pValue).toBeLessThan(1.2945e-10);
    expect(c.ci95?.[0]).toBeCloseTo(-0.9338264, 7);
    expect(c.ci95?.[1]).toBeCloseTo(-0.7440872, 7);
  });

  it('perfectly linear data: r = ±1, pValue 0 and ci95 [r, r] (documented decision)', () => {
    expect(pearsonCorrelation([1, 2, 3, 4], [0.1, 0.2, 0.3, 0.4])).toEqual({ n: 4, r: 1, pValue: 0, ci95: [1, 1] });
    expect(pearsonCorrelation([0, 1, 2, 3, 4], [7, 4.5, 2, -0.5, -3])).toEqual({ n: 5, r: -1, pValue: 0, ci95: [-1, -1] });
  });

  it('constant x or y: r, p and ci null', () => {
    expect(pearsonCorrelation([3, 3, 3, 3], [1, 2, 3, 4])).toEqual({ n: 4, r: null, pValue: null, ci95: null });
    expect(pearsonCorrelation([1, 2, 3, 4], [0.1, 0.1, 0.1, 0.1])).toEqual({ n: 4, r: null, pValue: null, ci95: null });
  });

  it('small n: n < 2 all null; n = 2 r only; n = 3 r and p, no ci', () => {
    expect(pearsonCorrelation([], [])).toEqual({ n: 0, r: null, pValue: null, ci95: null });
    expect(pearsonCorrelation([1], [2])).toEqual({ n: 1, r: null, pValue: null, ci95: null });
    expect(pearsonCorrelation([1, 2], [5, 3])).toEqual({ n: 2, r: -1, pValue: null, ci95: null });
    const c = pearsonCorrelation([1, 2, 3], [1, 3, 2]);
    // By hand: sxy = 1, sxx = syy = 2, r = 0.5; t = 0.5 sqrt(1 / 0.75), df = 1: p = 1 - 2 atan(t) / pi
    expect(c.r).toBeCloseTo(0.5, 14);
    expect(c.pValue).toBeCloseTo(1 - (2 * Math.atan(0.5 / Math.sqrt(0.75))) / Math.PI, 12);
    expect(c.pValue).toBeCloseTo(2 / 3, 12); // atan(1/sqrt(3)) = pi/6
    expect(c.ci95).toBeNull();
  });

  it('uncorrelated data: r = 0, p = 1', () => {
    const c = pearsonCorrelation([1, 2, 3, 4, 5], [2, 1, 0, 1, 2]);
    expect(c.r).toBe(0);
    expect(c.pValue).toBe(1);
  });

  it('rejects mismatched lengths and non-finite values', () => {
    expect(() => pearsonCorrelation([1, 2], [1])).toThrow(RangeError);
    expect(() => pearsonCorrelation([1, NaN], [1, 2])).toThrow(RangeError);
  });
});
