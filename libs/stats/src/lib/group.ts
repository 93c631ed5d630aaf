import type { StudentPrePost } from './records';
import {
  ZERO_SD_RELATIVE,
  assertFiniteArray,
  finiteOrNull,
  intervalOrNull,
  maxAbs,
  moments,
  powerOfTwoScale,
  twoSidedP,
  tQuantile975,
} from './numeric';

export interface GroupSummary {
  n: number;
  preMean: number | null;
  postMean: number | null;
  meanChange: number | null;
  /** Sample sd (n - 1) of post - pre; null for n < 2, 0 for zero variance. */
  sdChange: number | null;
  /** t-interval of the mean change; null for n < 2, [mean, mean] for zero variance. */
  ci95: [number, number] | null;
  /** meanChange / sdChange; null for n < 2 or zero variance. */
  cohensDz: number | null;
  /** Paired t statistic of the change against 0 (df = n - 1); null for n < 2 or zero variance. */
  tStatistic: number | null;
  /** Two-sided p-value of tStatistic; null for n < 2 or zero variance. */
  pValue: number | null;
}

const EMPTY_GROUP: GroupSummary = {
  n: 0,
  preMean: null,
  postMean: null,
  meanChange: null,
  sdChange: null,
  ci95: null,
  cohensDz: null,
  tStatistic: null,
  pValue: null,
};

/**
 * Paired pre/post summary of a group of students (contract "Academic outcomes").
 * Never returns NaN or Infinity: what cannot be computed is null. Throws a RangeError if a
 * pre or post value is not a finite number.
 *
 * Zero variance means every change is the same (up to floating-point noise: an sd at most
 * ZERO_SD_RELATIVE times the largest |pre| or |post| counts as zero).
 */
export function summarizeGroup(students: readonly Pick<StudentPrePost, 'pre' | 'post'>[]): GroupSummary {
  const n = students.length;
  if (n === 0) return { ...EMPTY_GROUP };
  const pre = students.map((s) => s.pre);
  const post = students.map((s) => s.post);
  assertFiniteArray(pre, 'pre');
  assertFiniteArray(post, 'post');

  const m = maxAbs(pre, post);
  const scale = powerOfTwoScale(m);
  const preScaled = pre.map((x) => x / scale);
  const postScaled = post.map((x) => x / scale);
  const change = moments(postScaled.map((x, i) => x - preScaled[i]));

  const base: GroupSummary = {
    ...EMPTY_GROUP,
    n,
    preMean: finiteOrNull(scale * moments(preScaled).mean),
    postMean: finiteOrNull(scale * moments(postScaled).mean),
    meanChange: finiteOrNull(scale * change.mean),
  };
  if (change.sd === null) return base; // n = 1

  if (change.sd <= ZERO_SD_RELATIVE * (m / scale)) {
    const mean = base.meanChange;
    return { ...base, sdChange: 0, ci95: mean === null ? null : [mean, mean] };
  }

  const df = n - 1;
  const se = change.sd / Math.sqrt(n); // scaled units
  const t = change.mean / se; // scale-free
  const q = tQuantile975(df);
  return {
    ...base,
    sdChange: finiteOrNull(scale * change.sd),
    ci95: q === null ? null : intervalOrNull(scale * (change.mean - q * se), scale * (change.mean + q * se)),
    cohensDz: finiteOrNull(change.mean / change.sd),
    tStatistic: finiteOrNull(t),
    pValue: twoSidedP(t, df),
  };
}

export interface Difference {
  /** mean(a) - mean(b); null when either group is empty. */
  estimate: number | null;
  /** Welch t-interval of the difference; null when not computable. */
  ci95: [number, number] | null;
  /** Two-sided Welch t-test p-value; null when not computable. */
  pValue: number | null;
  /** Welch–Satterthwaite degrees of freedom; null when not computable. */
  df: number | null;
}

/**
 * Welch's unequal-variance two-sample t-test of mean(a) - mean(b) (e.g. mentored minus comparison
 * change). ci95, pValue and df are null when either group has fewer than 2 values or both groups
 * have zero variance (same tolerance as summarizeGroup, relative to the largest |value| of both).
 * Throws a RangeError if a value is not a finite number.
 */
export function welchDifference(a: readonly number[], b: readonly number[]): Difference {
  assertFiniteArray(a, 'a');
  assertFiniteArray(b, 'b');
  const none: Difference = { estimate: null, ci95: null, pValue: null, df: null };
  if (a.length === 0 || b.length === 0) return none;

  const m = maxAbs(a, b);
  const scale = powerOfTwoScale(m);
  const ma = moments(a.map((x) => x / scale));
  const mb = moments(b.map((x) => x / scale));
  const diff = ma.mean - mb.mean; // scaled units
  const estimate = finiteOrNull(scale * diff);
  if (ma.sd === null || mb.sd === null) return { ...none, estimate };

  const zero = ZERO_SD_RELATIVE * (m / scale);
  const sdA = ma.sd <= zero ? 0 : ma.sd;
  const sdB = mb.sd <= zero ? 0 : mb.sd;
  const va = (sdA * sdA) / ma.n;
  const vb = (sdB * sdB) / mb.n;
  const se2 = va + vb;
  if (!(se2 > 0)) return { ...none, estimate };

  const df = (se2 * se2) / ((va * va) / (ma.n - 1) + (vb * vb) / (mb.n - 1));
  const se = Math.sqrt(se2);
  const t = diff / se;
  const q = tQuantile975(df);
  if (q === null || !Number.isFinite(t)) return { ...none, estimate };
  return {
    estimate,
    ci95: intervalOrNull(scale * (diff - q * se), scale * (diff + q * se)),
    pValue: twoSidedP(t, df),
    df,
  };
}
