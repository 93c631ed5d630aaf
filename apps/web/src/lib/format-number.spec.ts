import { describe, expect, it } from 'vitest';
import { formatDecimal, formatInteger, formatPValue, formatShare, isShowable } from './format-number';

describe('formatDecimal', () => {
  it('writes a fixed number of decimals', () => {
    expect(formatDecimal(3.14159, 'en')).toBe('3.14');
    expect(formatDecimal(2, 'en', { digits: 1 })).toBe('2.0');
  });

  it('given null, NaN or Infinity, then there is nothing to show (never "NaN")', () => {
    expect(formatDecimal(null, 'en')).toBeNull();
    expect(formatDecimal(undefined, 'en')).toBeNull();
    expect(formatDecimal(Number.NaN, 'en')).toBeNull();
    expect(formatDecimal(Number.POSITIVE_INFINITY, 'fa')).toBeNull();
    expect(isShowable(Number.NaN)).toBe(false);
    expect(isShowable(0)).toBe(true);
  });

  it('signs changes, and shows a change that rounds to zero as plain zero', () => {
    expect(formatDecimal(3.2, 'en', { signed: true })).toBe('+3.20');
    expect(formatDecimal(-1.5, 'en', { signed: true })).toBe('-1.50');
    expect(formatDecimal(-0.001, 'en', { signed: true })).toBe('0.00');
  });

  it('writes Persian digits and the Persian decimal separator in Persian', () => {
    expect(formatDecimal(3.14159, 'fa')).toBe('۳٫۱۴');
  });
});

describe('formatPValue', () => {
  it('shows three decimals, and anything below 0.001 as "< 0.001"', () => {
    expect(formatPValue(0.04567, 'en')).toBe('0.046');
    expect(formatPValue(0.0000312, 'en')).toBe('< 0.001');
    expect(formatPValue(null, 'en')).toBeNull();
    expect(formatPValue(0.5, 'fa')).toBe('۰٫۵۰۰');
  });
});

describe('formatShare and formatInteger', () => {
  it('formats a share from 0 to 1 as a percentage', () => {
    expect(formatShare(0.734, 'en')).toBe('73.4%');
    expect(formatShare(null, 'en')).toBeNull();
    expect(formatShare(0.5, 'fa', 0)).toMatch(/^۵۰\s?٪$/u);
  });

  it('formats counts with grouping in the reader digits', () => {
    expect(formatInteger(100000, 'en')).toBe('100,000');
    expect(formatInteger(12, 'fa')).toBe('۱۲');
  });
});
