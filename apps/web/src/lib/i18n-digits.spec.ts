import { describe, expect, it } from 'vitest';
import { formatInterpolated, setupI18n } from './i18n';

describe('numbers in translated sentences', () => {
  it('come out in Persian digits in Persian, whether or not the string asks for a number format', async () => {
    const i18n = await setupI18n('fa');
    expect(i18n.t('common.number', { value: 1405 })).toBe('۱٬۴۰۵');
    expect(i18n.t('common.yearOfStudy', { year: 2 })).toMatch(/۲/u);
    expect(formatInterpolated(60, undefined, 'fa')).toBe('۶۰');
    expect(formatInterpolated(1405, undefined, 'fa')).toBe('۱۴۰۵');
    expect(formatInterpolated(2.5, undefined, 'fa')).toBe('۲٫۵');
  });

  it('leave English bare numbers and every string as they were', async () => {
    const i18n = await setupI18n('en');
    expect(i18n.t('common.number', { value: 1405 })).toBe('1,405');
    expect(formatInterpolated(2026, undefined, 'en')).toBe(2026);
    expect(formatInterpolated('Reza 12', undefined, 'fa')).toBe('Reza 12');
  });
});
