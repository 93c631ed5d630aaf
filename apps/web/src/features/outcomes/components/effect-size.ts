import type { OutcomesResponse } from '@pm/contracts';

export type EffectReadingKey = 'none' | 'negligible' | 'small_up' | 'small_down' | 'medium_up' | 'medium_down' | 'large_up' | 'large_down';

/**
 * Which sentence describes the effect: the API's size label with the direction of the change. A negligible
 * effect has no meaningful direction, and a missing dz (too few students, or no spread) says so instead.
 */
export function effectReadingKey(effect: OutcomesResponse['effectSize']): EffectReadingKey {
  const { cohensDz, reading } = effect;
  if (reading === 'none' || cohensDz === null || !Number.isFinite(cohensDz)) return 'none';
  if (reading === 'negligible') return 'negligible';
  return `${reading}_${cohensDz >= 0 ? 'up' : 'down'}`;
}
