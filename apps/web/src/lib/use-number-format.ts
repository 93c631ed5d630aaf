import { useMemo } from 'react';
import { formatDecimal, formatInteger, formatPValue, formatShare, type DecimalOptions } from './format-number';
import { useLanguage } from './use-language';

export interface NumberFormat {
  decimal: (value: number | null | undefined, options?: DecimalOptions) => string | null;
  share: (value: number | null | undefined, digits?: number) => string | null;
  pValue: (value: number | null | undefined) => string | null;
  integer: (value: number) => string;
}

/** Number formatters bound to the current language, so Persian readers get Persian digits everywhere. */
export function useNumberFormat(): NumberFormat {
  const [language] = useLanguage();
  return useMemo(
    () => ({
      decimal: (value, options) => formatDecimal(value, language, options),
      share: (value, digits) => formatShare(value, language, digits),
      pValue: (value) => formatPValue(value, language),
      integer: (value) => formatInteger(value, language),
    }),
    [language],
  );
}
