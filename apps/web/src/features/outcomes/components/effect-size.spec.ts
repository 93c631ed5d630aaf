import { describe, expect, it } from 'vitest';
import { effectReadingKey } from './effect-size';

describe('effectReadingKey', () => {
  it('pairs the size with the direction of the change', () => {
    expect(effectReadingKey({ cohensDz: 0.92, reading: 'large' })).toBe('large_up');
    expect(effectReadingKey({ cohensDz: -0.6, reading: 'medium' })).toBe('medium_down');
    expect(effectReadingKey({ cohensDz: 0.25, reading: 'small' })).toBe('small_up');
  });

  it('has no direction for a negligible effect, and says "none" without a dz', () => {
    expect(effectReadingKey({ cohensDz: -0.05, reading: 'negligible' })).toBe('negligible');
    expect(effectReadingKey({ cohensDz: null, reading: 'none' })).toBe('none');
    expect(effectReadingKey({ cohensDz: Number.NaN, reading: 'large' })).toBe('none');
  });
});
