/** Textbook formulas, written independently of the library code, for cross-checking in tests. */
export function handMean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

export function handSd(xs: readonly number[]): number {
  const m = handMean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Every number found anywhere inside a value (objects, arrays), with its path. */
export function numbersIn(value: unknown, path = '$'): { path: string; value: number }[] {
  if (typeof value === 'number') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v: unknown, i) => numbersIn(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  }
  return [];
}

/** Paths of numbers that are NaN or infinite. */
export function nonFinitePaths(value: unknown): string[] {
  return numbersIn(value)
    .filter((x) => !Number.isFinite(x.value))
    .map((x) => `${x.path}=${String(x.value)}`);
}
