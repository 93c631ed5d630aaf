import { describe, expect, it } from 'vitest';
import { buildHistogram, edgeDigits, niceBinWidth } from './histogram';

describe('niceBinWidth', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceBinWidth(0.7)).toBe(1);
    expect(niceBinWidth(1.3)).toBe(2);
    expect(niceBinWidth(2.2)).toBe(2.5);
    expect(niceBinWidth(3)).toBe(5);
    expect(niceBinWidth(7)).toBe(10);
    expect(niceBinWidth(0.03)).toBeCloseTo(0.05);
    expect(niceBinWidth(0)).toBe(1);
  });
});

describe('buildHistogram', () => {
  it('given no finite values, then there are no bins', () => {
    expect(buildHistogram([], [])).toEqual([]);
    expect(buildHistogram([Number.NaN], [Number.POSITIVE_INFINITY])).toEqual([]);
  });

  it('puts both groups on the same edges, with zero as an edge, and counts each value once', () => {
    const bins = buildHistogram([-4, -0.5, 0, 3, 9.9], [1, 2, 2, 10], 5);
    // Range -4..10 over 5 bins → raw width 2.8 → nice width 5; edges at multiples of 5.
    expect(bins.map((b) => [b.start, b.end])).toEqual([
      [-5, 0],
      [0, 5],
      [5, 10],
      [10, 15],
    ]);
    expect(bins.map((b) => b.mentored)).toEqual([2, 2, 1, 0]);
    expect(bins.map((b) => b.comparison)).toEqual([0, 3, 0, 1]);
    expect(bins.reduce((sum, b) => sum + b.mentored, 0)).toBe(5);
  });

  it('gives shares of each group so groups of different sizes compare, and null shares for an empty group', () => {
    const bins = buildHistogram([1, 1, 3, 3], [], 2);
    expect(bins.map((b) => b.mentoredShare)).toEqual([0.5, 0, 0.5]);
    expect(bins.every((b) => b.comparisonShare === null)).toBe(true);
  });

  it('given every change equal, then it still draws one bin holding all of them', () => {
    const bins = buildHistogram([2, 2, 2], [2]);
    expect(bins).toHaveLength(1);
    expect(bins[0]).toMatchObject({ mentored: 3, comparison: 1 });
    expect(bins[0]?.start).toBeLessThanOrEqual(2);
    expect(bins[0]?.end).toBeGreaterThan(2);
  });

  it('keeps fractional edges free of floating-point noise', () => {
    const bins = buildHistogram([0.1, 0.2, 0.3, 0.7], [0.45], 4);
    expect(bins.map((b) => b.start)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(edgeDigits(bins)).toBe(1);
  });
});
