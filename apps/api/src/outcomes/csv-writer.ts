const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
// A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell, quoted when needed and defused against formula injection: text that a spreadsheet would
 * run as a formula gets a leading apostrophe (OWASP's advice); plain numbers, negative ones included, stay
 * numbers.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return values.map(csvCell).join(',');
}
