import { DATE_LOCALES } from './format-date';
import type { Language } from './i18n';

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(DATE_LOCALES[language], options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A statistic the API could not compute arrives as null; NaN or Infinity must never reach the page either. */
export const isShowable = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

export interface DecimalOptions {
  /** Fixed decimals, so a column of statistics lines up (default 2). */
  digits?: number;
  /** Prefix a plus sign on positive values: changes read better as "+3.20". */
  signed?: boolean;
}

/** Null when there is nothing honest to show; the caller then says "not enough data" in words. */
export function formatDecimal(value: number | null | undefined, language: Language, { digits = 2, signed = false }: DecimalOptions = {}): string | null {
  if (!isShowable(value)) return null;
  // -0.001 rounds to "-0.00", which reads as a real decline; show it as zero.
  const rounded = Number(value.toFixed(digits)) === 0 ? 0 : value;
  return formatterFor(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(rounded);
}

/** A share from 0 to 1 as a percentage, e.g. 0.734 → "73.4%" (or "۷۳٫۴٪"). */
export function formatShare(value: number | null | undefined, language: Language, digits = 1): string | null {
  if (!isShowable(value)) return null;
  return formatterFor(language, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export const P_VALUE_FLOOR = 0.001;

/** p-values below 0.001 are shown as "< 0.001": more digits suggest a precision the test does not have. */
export function formatPValue(value: number | null | undefined, language: Language): string | null {
  if (!isShowable(value)) return null;
  if (value < P_VALUE_FLOOR) return `< ${formatDecimal(P_VALUE_FLOOR, language, { digits: 3 }) ?? ''}`;
  return formatDecimal(value, language, { digits: 3 });
}

/** A whole number in the reader's digits (counts, sizes). */
export function formatInteger(value: number, language: Language): string {
  return formatterFor(language, { maximumFractionDigits: 0 }).format(value);
}
