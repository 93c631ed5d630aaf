import { directionOf } from '@web/lib/i18n';
import { useLanguage } from '@web/lib/use-language';

export const CHART_HEIGHT = 280;
/** Keeps the charts drawing in a test DOM, which measures every box as 0 × 0. */
export const INITIAL_DIMENSION = { width: 640, height: CHART_HEIGHT } as const;
export const AXIS_COLOUR = '#4b5563';

/**
 * In Persian the categories run right to left, like the rest of the page; the value axis moves to the right
 * with them. The numbers themselves stay on an upward scale.
 */
export function useChartDirection(): { reversed: boolean; valueAxis: 'left' | 'right' } {
  const [language] = useLanguage();
  const rtl = directionOf(language) === 'rtl';
  return { reversed: rtl, valueAxis: rtl ? 'right' : 'left' };
}
