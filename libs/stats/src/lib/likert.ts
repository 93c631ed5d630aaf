import { moments } from './numeric';

export interface LikertItemSummary {
  itemId: string;
  n: number;
  /** null when n = 0 (never happens for a returned item). */
  mean: number | null;
  /** Sample sd (n - 1); null when n < 2. */
  sd: number | null;
  /** distribution[k - 1] = number of answers with value k, for k = 1..scale. */
  distribution: number[];
}

/**
 * Per item: number of answers, mean, sample sd and the count of each point 1..scale. Items are
 * those that occur in `answers`, sorted by itemId (code-unit order). Throws a RangeError when
 * `scale` is not an integer >= 2 or an answer is not an integer in 1..scale.
 */
export function summarizeLikert(answers: readonly { itemId: string; value: number }[], scale = 5): LikertItemSummary[] {
  if (!Number.isInteger(scale) || scale < 2) throw new RangeError(`scale must be an integer >= 2, got ${String(scale)}`);
  const byItem = new Map<string, number[]>();
  for (const a of answers) {
    if (!Number.isInteger(a.value) || a.value < 1 || a.value > scale) {
      throw new RangeError(`answer to ${a.itemId} must be an integer from 1 to ${scale}, got ${String(a.value)}`);
    }
    const values = byItem.get(a.itemId);
    if (values) values.push(a.value);
    else byItem.set(a.itemId, [a.value]);
  }
  return [...byItem.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((itemId) => {
      const values = byItem.get(itemId) ?? [];
      const distribution = new Array<number>(scale).fill(0);
      for (const v of values) distribution[v - 1] += 1;
      const m = values.length > 0 ? moments(values) : null;
      return { itemId, n: values.length, mean: m ? m.mean : null, sd: m ? m.sd : null, distribution };
    });
}
