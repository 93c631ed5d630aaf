import { parse } from 'csv-parse/sync';
import type { ImportLineCode } from '@pm/contracts';

export const RECORD_COLUMNS = ['student_email', 'assessment', 'taken_on', 'score', 'max_score'] as const;

export interface ParsedRecord {
  line: number;
  studentEmail: string;
  assessment: string;
  takenOn: string;
  score: number;
  maxScore: number;
}

export interface RejectedLine {
  line: number;
  error: string;
  code?: ImportLineCode;
}

export type ParseOutcome = { ok: true; records: ParsedRecord[] } | { ok: false; rejected: RejectedLine[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// At most 9 digits before the point and 6 after: every grade scale there is, and a value 100 * score / max_score
// that PostgreSQL computes without overflowing (400 nines were stored as Infinity) or underflowing.
const NUMBER = /^\d{1,9}(\.\d{1,6})?$/;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits and the Arabic decimal separator, as ASCII. */
export function normalizeDigits(value: string): string {
  return value
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/\u066B/g, '.');
}

function parseNumber(raw: string, semicolonFile: boolean): number | undefined {
  let v = normalizeDigits(raw.trim());
  // Spreadsheets that write `;` between fields write `,` as the decimal separator.
  if (semicolonFile && /^\d+,\d+$/.test(v)) v = v.replace(',', '.');
  return NUMBER.test(v) ? Number(v) : undefined;
}

function parseDate(raw: string): string | undefined {
  const v = normalizeDigits(raw.trim());
  const m = ISO_DATE.exec(v);
  if (!m) return undefined;
  // Year 0000 does not exist (PostgreSQL refused it with a 500).
  if (Number(m[1]) < 1) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? v : undefined;
}

/**
 * Parses and validates a whole grade file. Every bad line is reported (not only the first) so the
 * coordinator can fix the file in one pass; the header is line 1. Nothing is returned as valid unless every
 * line is.
 */
export function parseRecordsCsv(text: string): ParseOutcome {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return { ok: false, rejected: [{ line, error: `not valid CSV: ${(e as Error).message}` }] };
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const missing = RECORD_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(RECORD_COLUMNS as readonly string[]).includes(h));
  if (rows.length === 0 || missing.length > 0 || unknown.length > 0) {
    const parts = [missing.length > 0 ? `missing column(s): ${missing.join(', ')}` : '', unknown.length > 0 ? `unknown column(s): ${unknown.join(', ')}` : ''];
    return { ok: false, rejected: [{ line: 1, error: `the header must be ${RECORD_COLUMNS.join(',')}; ${parts.filter(Boolean).join('; ') || 'the file is empty'}` }] };
  }
  const col = Object.fromEntries(RECORD_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof RECORD_COLUMNS)[number], number>;
  const records: ParsedRecord[] = [];
  const rejected: RejectedLine[] = [];
  const seen = new Map<string, { line: number; score: number; maxScore: number }>();
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as string[];
    const line = i + 1;
    if (row.length !== header.length) {
      rejected.push({ line, error: `expected ${header.length} fields, found ${row.length}` });
      continue;
    }
    const field = (name: (typeof RECORD_COLUMNS)[number]): string => row[col[name]] ?? '';
    const errors: string[] = [];
    // PostgreSQL cannot store a NUL character: it answered 500 before this check.
    if (row.some((cell) => cell.includes('\u0000'))) {
      rejected.push({ line, error: 'the line contains a NUL character' });
      continue;
    }
    const studentEmail = field('student_email').toLowerCase();
    if (!EMAIL.test(studentEmail) || studentEmail.length > 254) errors.push('student_email is not a valid email address');
    const assessment = field('assessment');
    if (assessment.length === 0 || assessment.length > 200) errors.push('assessment must be 1 to 200 characters');
    const takenOn = parseDate(field('taken_on'));
    if (!takenOn) errors.push('taken_on must be a date as YYYY-MM-DD');
    const score = parseNumber(field('score'), delimiter === ';');
    const maxScore = parseNumber(field('max_score'), delimiter === ';');
    if (score === undefined) errors.push('score must be a number of 0 or more, with at most 9 digits before the point and 6 after');
    if (maxScore === undefined || maxScore <= 0) errors.push('max_score must be a number above 0, with at most 9 digits before the point and 6 after');
    if (score !== undefined && maxScore !== undefined && maxScore > 0 && score > maxScore) errors.push('score must not be above max_score');
    if (errors.length > 0 || !takenOn || score === undefined || maxScore === undefined) {
      rejected.push({ line, error: errors.join('; ') });
      continue;
    }
    const key = `${studentEmail}\u0000${assessment}\u0000${takenOn}`;
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.score !== score || earlier.maxScore !== maxScore) rejected.push({ line, error: `the same student, assessment and date as line ${earlier.line} with a different score` });
      continue;
    }
    seen.set(key, { line, score, maxScore });
    records.push({ line, studentEmail, assessment, takenOn, score, maxScore });
  }
  return rejected.length > 0 ? { ok: false, rejected } : { ok: true, records };
}
