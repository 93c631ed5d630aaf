import { ZERO_SD_RELATIVE, assertFiniteArray, finiteOrNull, intervalOrNull, maxAbs, powerOfTwoScale, tQuantile975, twoSidedP } from './numeric';

/**
 * A column whose Householder pivot falls below this fraction of its original norm is taken as a linear
 * combination of the columns before it. The same tolerance as R's lm() (`tol = 1e-07` in lm.fit / qr).
 */
export const RANK_TOLERANCE = 1e-7;

export interface OlsCoefficient {
  estimate: number;
  /** Classical (homoskedastic) standard error; null when df = 0 or the fit is perfect. */
  standardError: number | null;
  tStatistic: number | null;
  /** Two-sided p-value on df = n - p; null when the standard error is null. */
  pValue: number | null;
  /** t-interval; [estimate, estimate] for a perfect fit with df > 0, null when df = 0. */
  ci95: [number, number] | null;
}

export interface OlsFit {
  n: number;
  /** Residual degrees of freedom, n - p. */
  df: number;
  coefficients: OlsCoefficient[];
  /** Residual standard error sqrt(RSS / df); null when df = 0. */
  sigma: number | null;
  /** Residual sum of squares. */
  rss: number;
}

/**
 * Ordinary least squares of y on the columns of X (rows are observations; include a column of ones for an
 * intercept), by Householder QR as R's lm() does. Returns null when the fit is not identified: fewer rows
 * than columns, or a rank-deficient X (a constant covariate beside the intercept, an empty group, ...).
 * Never returns NaN: what cannot be computed is null. Throws a RangeError for ragged or non-finite input.
 *
 * Overflow safety: each column and y are divided by a power of two near their largest magnitude (exact in
 * binary), solved, and the coefficients scaled back.
 */
export function ols(X: readonly (readonly number[])[], y: readonly number[]): OlsFit | null {
  const n = y.length;
  if (X.length !== n) throw new RangeError(`X has ${X.length} rows but y has ${n} values`);
  assertFiniteArray(y, 'y');
  const p = n > 0 ? X[0].length : 0;
  X.forEach((row, i) => {
    if (row.length !== p) throw new RangeError(`X[${i}] has ${row.length} columns, expected ${p}`);
    assertFiniteArray(row, `X[${i}]`);
  });
  if (p === 0 || n < p) return null;

  // Column-major working copy, each column (and y) scaled by a power of two.
  const colScale: number[] = [];
  const a: number[][] = [];
  for (let j = 0; j < p; j++) {
    const col = X.map((row) => row[j]);
    const s = powerOfTwoScale(maxAbs(col));
    colScale.push(s);
    a.push(col.map((v) => v / s));
  }
  const yScale = powerOfTwoScale(maxAbs(y));
  const qty = y.map((v) => v / yScale);

  // Householder QR: after step j, a[j][j..] holds R's diagonal, and qty is Q'y.
  const diag: number[] = [];
  for (let j = 0; j < p; j++) {
    const col = a[j];
    const originalNorm = norm(col, 0);
    const normBelow = norm(col, j);
    if (!(originalNorm > 0) || normBelow <= RANK_TOLERANCE * originalNorm) return null;
    const alpha = col[j] > 0 ? -normBelow : normBelow;
    // v = x - alpha e1, stored in place of the column below the diagonal.
    const v = col.slice(j);
    v[0] -= alpha;
    const vv = v.reduce((acc, x) => acc + x * x, 0);
    const reflect = (target: number[]): void => {
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i] * target[j + i];
      const f = (2 * dot) / vv;
      for (let i = 0; i < v.length; i++) target[j + i] -= f * v[i];
    };
    for (let k = j + 1; k < p; k++) reflect(a[k]);
    reflect(qty);
    diag.push(alpha);
    col[j] = alpha;
  }

  // R (upper triangular, R[i][k] = a[k][i] for i < k, diagonal alpha); solve R b = (Q'y)[0..p).
  const r = (i: number, k: number): number => (i === k ? diag[i] : a[k][i]);
  const b = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = qty[i];
    for (let k = i + 1; k < p; k++) s -= r(i, k) * b[k];
    b[i] = s / r(i, i);
  }
  if (!b.every((v, j) => Number.isFinite(v * (yScale / colScale[j])))) return null;
  // Residual sum of squares from the fitted values (more accurate than the tail of Q'y for a near-perfect fit).
  let rssScaled = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let j = 0; j < p; j++) fitted += (X[i][j] / colScale[j]) * b[j];
    const e = y[i] / yScale - fitted;
    rssScaled += e * e;
  }

  // Row norms of R^-1 give the standard errors: Var(b) = sigma^2 (R'R)^-1 = sigma^2 R^-1 R^-T.
  const rInv: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let c = 0; c < p; c++) {
    for (let i = p - 1; i >= 0; i--) {
      let s = i === c ? 1 : 0;
      for (let k = i + 1; k < p; k++) s -= r(i, k) * rInv[k][c];
      rInv[i][c] = s / r(i, i);
    }
  }

  const df = n - p;
  const sigmaScaled = df > 0 ? Math.sqrt(rssScaled / df) : null;
  const maxY = maxAbs(y) / yScale;
  const perfect = sigmaScaled !== null && sigmaScaled <= ZERO_SD_RELATIVE * Math.max(maxY, Number.MIN_VALUE);
  const q = df > 0 ? tQuantile975(df) : null;

  const coefficients: OlsCoefficient[] = b.map((bj, j) => {
    const unit = yScale / colScale[j];
    const estimate = bj * unit;
    const none = { estimate, standardError: null, tStatistic: null, pValue: null, ci95: null };
    if (sigmaScaled === null) return none;
    if (perfect) return { ...none, standardError: 0, ci95: [estimate, estimate] as [number, number] };
    const rowNorm = Math.sqrt(rInv[j].reduce((acc, x) => acc + x * x, 0));
    const seScaled = sigmaScaled * rowNorm;
    const t = bj / seScaled;
    const se = finiteOrNull(seScaled * unit);
    if (se === null || !Number.isFinite(t)) return none;
    return {
      estimate,
      standardError: se,
      tStatistic: t,
      pValue: twoSidedP(t, df),
      ci95: q === null ? null : intervalOrNull(estimate - q * se, estimate + q * se),
    };
  });
  const sigma = sigmaScaled === null ? null : finiteOrNull(sigmaScaled * yScale);
  return { n, df, coefficients, sigma, rss: finiteOrNull(rssScaled * yScale * yScale) ?? 0 };
}

function norm(xs: readonly number[], from: number): number {
  // Scaled two-pass norm, safe from overflow and underflow of the squares.
  let m = 0;
  for (let i = from; i < xs.length; i++) m = Math.max(m, Math.abs(xs[i]));
  if (m === 0) return 0;
  let s = 0;
  for (let i = from; i < xs.length; i++) s += (xs[i] / m) ** 2;
  return m * Math.sqrt(s);
}

export interface Estimate {
  n: number;
  estimate: number | null;
  ci95: [number, number] | null;
  pValue: number | null;
  standardError: number | null;
  /** Residual degrees of freedom of the model; null when not fitted. */
  df: number | null;
}

const noEstimate = (n: number): Estimate => ({ n, estimate: null, ci95: null, pValue: null, standardError: null, df: null });

const fromCoefficient = (n: number, fit: OlsFit, index: number): Estimate => {
  const c = fit.coefficients[index];
  return { n, estimate: c.estimate, ci95: c.ci95, pValue: c.pValue, standardError: c.standardError, df: fit.df };
};

export interface AncovaStudent {
  pre: number;
  post: number;
  /** 1 for the treated group (mentored, offered), 0 for the other. */
  treated: boolean;
}

/**
 * Analysis of covariance (contract "Evaluation"): OLS of post on [1, pre, treated] over the students of both
 * groups; the estimate is the `treated` coefficient (the difference in post values between two students with
 * the same pre value), with its classical standard error and the t distribution on n - 3 df, two-sided.
 * Every field but n is null when n < 4, when a group is empty, when pre is constant, or when pre alone
 * separates the groups (the model is then not identified). A perfect fit gives se 0, ci95 [est, est], p null.
 */
export function ancova(students: readonly AncovaStudent[]): Estimate {
  const n = students.length;
  if (n < 4) return noEstimate(n);
  const fit = ols(
    students.map((s) => [1, s.pre, s.treated ? 1 : 0]),
    students.map((s) => s.post),
  );
  return fit ? fromCoefficient(n, fit, 2) : noEstimate(n);
}

export interface SlopeEstimate extends Estimate {
  intercept: number | null;
}

/**
 * Least-squares line of y on x (e.g. change on sessions attended): the slope with its classical t-interval
 * on n - 2 df. Slope and intercept are null for n < 2 or a constant x; ci95 and pValue also for n < 3.
 */
export function simpleRegression(x: readonly number[], y: readonly number[]): SlopeEstimate {
  if (x.length !== y.length) throw new RangeError(`x and y must have the same length (${x.length} vs ${y.length})`);
  const n = x.length;
  if (n < 2) return { ...noEstimate(n), intercept: null };
  const fit = ols(
    x.map((v) => [1, v]),
    y,
  );
  if (!fit) return { ...noEstimate(n), intercept: null };
  return { ...fromCoefficient(n, fit, 1), intercept: fit.coefficients[0].estimate };
}
