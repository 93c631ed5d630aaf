/**
 * Internal numerical helpers shared by the public functions. Not exported from the package index.
 *
 * Overflow safety: every statistic is computed on values divided by a power of two close to the
 * largest magnitude in the data (`powerOfTwoScale`). Dividing by a power of two is exact, so the
 * arithmetic is the same as on the raw values, but sums and squares can no longer overflow. Results
 * are multiplied back at the end and anything that is still not finite becomes null.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/**
 * A standard deviation at most this fraction of the largest magnitude in the data is treated as
 * exactly zero. Values built as 100 * score / max_score and then averaged carry rounding noise of
 * about 1e-16 relative; a "constant" change such as +10 for every student can come out as
 * 9.999999999999998 for some of them. Without this tolerance that noise would produce an absurd
 * t statistic (about 1e15) and a p-value of 0 instead of the documented "zero variance" result.
 */
export const ZERO_SD_RELATIVE = 1e-10;

/** qnorm(0.975), the 97.5th percentile of the standard normal distribution (used for Fisher z). */
export const NORMAL_QUANTILE_975 = 1.959963984540054;

export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

export function intervalOrNull(lo: number, hi: number): [number, number] | null {
  return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}

export function assertFiniteArray(xs: readonly number[], name: string): void {
  xs.forEach((x, i) => {
    if (!Number.isFinite(x)) throw new RangeError(`${name}[${i}] must be a finite number, got ${String(x)}`);
  });
}

/** Largest absolute value (0 for an empty list). */
export function maxAbs(...lists: (readonly number[])[]): number {
  let m = 0;
  for (const xs of lists) for (const x of xs) m = Math.max(m, Math.abs(x));
  return m;
}

/** A power of two s with s <= m < 2s (approximately; any power of two near m works), 1 for m = 0. */
export function powerOfTwoScale(m: number): number {
  if (!(m > 0) || !Number.isFinite(m)) return 1;
  const e = Math.min(1023, Math.max(-1074, Math.floor(Math.log2(m))));
  return 2 ** e;
}

export interface Moments {
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1 denominator); null when n < 2. */
  sd: number | null;
}

/**
 * Mean and sample standard deviation of a non-empty list, numerically stable:
 * two-pass mean with a correction sweep, then the corrected two-pass (compensated) variance
 * (sum d^2 - (sum d)^2 / n) / (n - 1). A list of identical values returns that value exactly and sd 0.
 * Callers pass values of moderate magnitude (already scaled) so nothing here overflows.
 */
export function moments(xs: readonly number[]): Moments {
  const n = xs.length;
  if (n === 0) throw new RangeError('moments of an empty list');
  const first = xs[0];
  if (xs.every((x) => x === first)) return { n, mean: first, sd: n >= 2 ? 0 : null };
  let sum = 0;
  for (const x of xs) sum += x;
  let mean = sum / n;
  let correction = 0;
  for (const x of xs) correction += x - mean;
  mean += correction / n;
  if (n < 2) return { n, mean, sd: null };
  let ss = 0;
  let sd1 = 0;
  for (const x of xs) {
    const d = x - mean;
    ss += d * d;
    sd1 += d;
  }
  const variance = Math.max(0, (ss - (sd1 * sd1) / n) / (n - 1));
  return { n, mean, sd: Math.sqrt(variance) };
}

/** Mean of a non-empty list of finite numbers, safe from overflow. */
export function robustMean(xs: readonly number[]): number {
  const s = powerOfTwoScale(maxAbs(xs));
  return s * moments(xs.map((x) => x / s)).mean;
}

/** Two-sided p-value 2 * P(T > |t|) for Student's t with df degrees of freedom, clamped to [0, 1]. */
export function twoSidedP(t: number, df: number): number | null {
  if (Number.isNaN(t) || !(df > 0) || !Number.isFinite(df)) return null;
  // 2 * cdf(-|t|) equals 2 * (1 - cdf(|t|)) but keeps precision for very small p-values.
  const p = 2 * tCdf(-Math.abs(t), df);
  if (Number.isNaN(p)) return null;
  return Math.min(1, Math.max(0, p));
}

/** The 97.5th percentile of Student's t with df degrees of freedom (null if not computable). */
export function tQuantile975(df: number): number | null {
  if (!(df > 0) || !Number.isFinite(df)) return null;
  const q = tQuantile(0.975, df);
  return Number.isFinite(q) && q > 0 ? q : null;
}
