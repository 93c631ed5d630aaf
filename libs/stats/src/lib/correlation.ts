import { NORMAL_QUANTILE_975, ZERO_SD_RELATIVE, assertFiniteArray, maxAbs, moments, powerOfTwoScale, twoSidedP } from './numeric';

export interface Correlation {
  n: number;
  /** Pearson's r; null for n < 2 or when x or y is constant. */
  r: number | null;
  /** Two-sided p-value of H0: rho = 0 (t = r * sqrt((n - 2) / (1 - r^2)), df = n - 2); null for n < 3. */
  pValue: number | null;
  /** Fisher z interval tanh(atanh(r) ± 1.96 / sqrt(n - 3)); null for n < 4 (as R's cor.test). */
  ci95: [number, number] | null;
}

/** |r| within this distance of 1 is taken as exactly ±1 (floating-point rounding of a perfect line). */
export const PERFECT_R_TOLERANCE = 1e-12;

/**
 * Pearson correlation of paired samples, e.g. sessions attended vs change.
 * A perfect linear relation (|r| = 1) gives pValue 0 and ci95 [r, r] (the limits of both formulas).
 * A constant x or y (sd at most ZERO_SD_RELATIVE of its largest magnitude) gives r, pValue, ci95 null.
 * Throws a RangeError when the lengths differ or a value is not finite.
 */
export function pearsonCorrelation(x: readonly number[], y: readonly number[]): Correlation {
  if (x.length !== y.length) throw new RangeError(`x and y must have the same length (${x.length} vs ${y.length})`);
  assertFiniteArray(x, 'x');
  assertFiniteArray(y, 'y');
  const n = x.length;
  const none: Correlation = { n, r: null, pValue: null, ci95: null };
  if (n < 2) return none;

  const xm = maxAbs(x);
  const ym = maxAbs(y);
  const xs = x.map((v) => v / powerOfTwoScale(xm));
  const ys = y.map((v) => v / powerOfTwoScale(ym));
  const mx = moments(xs);
  const my = moments(ys);
  if (mx.sd === null || my.sd === null) return none;
  if (mx.sd <= ZERO_SD_RELATIVE * (xm / powerOfTwoScale(xm)) || my.sd <= ZERO_SD_RELATIVE * (ym / powerOfTwoScale(ym))) {
    return none;
  }

  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx.mean;
    const dy = ys[i] - my.mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  let r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
  if (!Number.isFinite(r)) return none;
  r = Math.max(-1, Math.min(1, r));
  if (1 - Math.abs(r) <= PERFECT_R_TOLERANCE) r = Math.sign(r);
  const perfect = Math.abs(r) === 1;

  let pValue: number | null = null;
  if (n >= 3) {
    pValue = perfect ? 0 : twoSidedP(r * Math.sqrt((n - 2) / (1 - r * r)), n - 2);
  }
  let ci95: [number, number] | null = null;
  if (n >= 4) {
    if (perfect) {
      ci95 = [r, r];
    } else {
      const z = Math.atanh(r);
      const h = NORMAL_QUANTILE_975 / Math.sqrt(n - 3);
      ci95 = [Math.tanh(z - h), Math.tanh(z + h)];
    }
  }
  return { n, r, pValue, ci95 };
}
