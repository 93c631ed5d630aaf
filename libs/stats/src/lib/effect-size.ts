export type EffectSizeLabel = 'none' | 'negligible' | 'small' | 'medium' | 'large';

/**
 * Cohen's (1988) conventional labels on |d|: below 0.2 negligible, from 0.2 small, from 0.5 medium,
 * from 0.8 large (each threshold belongs to the larger category). null or NaN gives 'none'.
 */
export function interpretCohensD(d: number | null): EffectSizeLabel {
  if (d === null || Number.isNaN(d)) return 'none';
  const a = Math.abs(d);
  if (a >= 0.8) return 'large';
  if (a >= 0.5) return 'medium';
  if (a >= 0.2) return 'small';
  return 'negligible';
}
