import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '@web/lib/use-number-format';

/** How each statistic of the outcomes is written: precision chosen per kind, nulls kept as null. */
export function useStatFormat() {
  const { t } = useTranslation();
  const format = useNumberFormat();
  return {
    ...format,
    /** A mean of values from 0 to 100. */
    mean: (value: number | null) => format.decimal(value, { digits: 1 }),
    /** A change in percentage points, signed so a decline cannot be misread. */
    change: (value: number | null) => format.decimal(value, { digits: 2, signed: true }),
    statistic: (value: number | null) => format.decimal(value, { digits: 2 }),
    interval: (ci: readonly [number, number] | null) => {
      const low = format.decimal(ci?.[0], { digits: 2 });
      const high = format.decimal(ci?.[1], { digits: 2 });
      return low === null || high === null ? null : t('outcomes.interval', { low, high });
    },
  };
}
