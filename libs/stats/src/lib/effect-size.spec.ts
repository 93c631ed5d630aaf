import { interpretCohensD } from '../index';

describe('interpretCohensD', () => {
  it.each([
    [null, 'none'],
    [NaN, 'none'],
    [0, 'negligible'],
    [0.19, 'negligible'],
    [-0.199, 'negligible'],
    [0.2, 'small'],
    [-0.2, 'small'],
    [0.49, 'small'],
    [0.5, 'medium'],
    [-0.79, 'medium'],
    [0.8, 'large'],
    [-1.5, 'large'],
    [12, 'large'],
  ] as const)('%p -> %s', (d, label) => {
    expect(interpretCohensD(d)).toBe(label);
  });
});
