import { summarizeLikert } from '../index';
import { handMean, handSd } from './test-helpers';

describe('summarizeLikert', () => {
  it('counts, mean and sample sd per item, sorted by itemId', () => {
    const answers = [
      { itemId: 'q2', value: 5 },
      { itemId: 'q1', value: 4 },
      { itemId: 'q1', value: 5 },
      { itemId: 'q2', value: 5 },
      { itemId: 'q1', value: 2 },
      { itemId: 'q1', value: 4 },
      { itemId: 'q3', value: 1 },
    ];
    const out = summarizeLikert(answers);
    expect(out.map((s) => s.itemId)).toEqual(['q1', 'q2', 'q3']);
    // q1: 4, 5, 2, 4 -> mean 3.75, sd sqrt(((0.25)^2 + 1.25^2 + 1.75^2 + 0.25^2) / 3) = sqrt(4.75 / 3)
    expect(out[0]).toEqual({ itemId: 'q1', n: 4, mean: 3.75, sd: expect.closeTo(Math.sqrt(4.75 / 3), 14), distribution: [0, 1, 0, 2, 1] });
    expect(out[0].sd).toBeCloseTo(handSd([4, 5, 2, 4]), 14);
    expect(out[0].mean).toBe(handMean([4, 5, 2, 4]));
    expect(out[1]).toEqual({ itemId: 'q2', n: 2, mean: 5, sd: 0, distribution: [0, 0, 0, 0, 2] });
    expect(out[2]).toEqual({ itemId: 'q3', n: 1, mean: 1, sd: null, distribution: [1, 0, 0, 0, 0] });
  });

  it('supports other scales', () => {
    expect(summarizeLikert([{ itemId: 'a', value: 7 }, { itemId: 'a', value: 1 }], 7)).toEqual([
      { itemId: 'a', n: 2, mean: 4, sd: expect.closeTo(Math.sqrt(18), 14), distribution: [1, 0, 0, 0, 0, 0, 1] },
    ]);
  });

  it('no answers: empty list', () => {
    expect(summarizeLikert([])).toEqual([]);
  });

  it('rejects values outside 1..scale or not integers, and bad scales', () => {
    expect(() => summarizeLikert([{ itemId: 'a', value: 0 }])).toThrow(RangeError);
    expect(() => summarizeLikert([{ itemId: 'a', value: 6 }])).toThrow(RangeError);
    expect(() => summarizeLikert([{ itemId: 'a', value: 2.5 }])).toThrow(RangeError);
    expect(() => summarizeLikert([{ itemId: 'a', value: 6 }], 7)).not.toThrow();
    expect(() => summarizeLikert([], 1)).toThrow(RangeError);
    expect(() => summarizeLikert([], 4.5)).toThrow(RangeError);
  });
});
