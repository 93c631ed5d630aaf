import type { ReportLanguage } from './report-model';

/** Escapes text for HTML element content and double-quoted attribute values. Every user-supplied string passes here. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const locale = (lang: ReportLanguage): string => (lang === 'fa' ? 'fa-IR' : 'en-GB');

/** Numbers in the report's language (Persian digits for `fa`); a dash for what could not be computed. */
export class ReportFormat {
  constructor(readonly lang: ReportLanguage) {}

  readonly dash = '–';

  fixed(x: number | null | undefined, digits = 1): string {
    if (x === null || x === undefined) return this.dash;
    return new Intl.NumberFormat(locale(this.lang), { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(x);
  }

  /** Six significant digits: what R prints with `signif(x, 6)`, for readers who check the estimate. */
  significant(x: number | null | undefined): string {
    if (x === null || x === undefined) return this.dash;
    return new Intl.NumberFormat(locale(this.lang), { maximumSignificantDigits: 6, useGrouping: false }).format(x);
  }

  integer(n: number): string {
    return new Intl.NumberFormat(locale(this.lang), { maximumFractionDigits: 0 }).format(n);
  }

  /** With its sign; in Persian, isolated left to right so that the sign stays before the digits in a right-to-left line. */
  signed(x: number | null | undefined, digits = 1): string {
    if (x === null || x === undefined) return this.dash;
    const s = this.fixed(Math.abs(x), digits);
    const text = x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
    return this.lang === 'fa' && x !== 0 ? `\u2066${text}\u2069` : text;
  }

  interval(ci: [number, number] | null | undefined, digits = 1): string {
    if (!ci) return this.dash;
    const sep = this.lang === 'fa' ? ' تا ' : ' to ';
    return `${this.signed(ci[0], digits)}${sep}${this.signed(ci[1], digits)}`;
  }

  pValue(p: number | null | undefined): string {
    if (p === null || p === undefined) return this.dash;
    if (p < 0.001) return `< ${this.fixed(0.001, 3)}`;
    return this.fixed(p, 3);
  }

  date(iso: string): string {
    const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return escapeHtml(iso);
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(this.lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB', options).format(d);
  }
}
