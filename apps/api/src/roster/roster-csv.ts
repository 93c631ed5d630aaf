import { parse } from 'csv-parse/sync';
import { DEFAULT_MENTOR_CAPACITY, EnrollmentRole, MAX_YEAR_OF_STUDY, MIN_YEAR_OF_STUDY, ROSTER_COLUMNS } from '@pm/contracts';
import { normalizeDigits, type RejectedLine } from '@api/outcomes/csv-records';

/** The most mentees one mentor may take (the enrolment form's limit). */
export const MAX_CAPACITY = 20;

export interface RosterRow {
  line: number;
  email: string;
  fullName: string;
  yearOfStudy: number;
  role: EnrollmentRole;
  /** Mentors: the given capacity or 3; mentees: null. */
  capacity: number | null;
}

export type RosterParseOutcome = { ok: true; rows: RosterRow[] } | { ok: false; rejected: RejectedLine[] };

type Column = (typeof ROSTER_COLUMNS)[number];
// `capacity` may be left out of a file of mentees only.
const REQUIRED: readonly Column[] = ['email', 'full_name', 'year_of_study', 'role'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const INTEGER = /^[+-]?\d+$/;

function parseInteger(raw: string): number | undefined {
  const v = normalizeDigits(raw.trim());
  return INTEGER.test(v) ? Number(v) : undefined;
}

/**
 * Parses and validates a whole roster file with the grade import's tolerance (a byte-order mark, `;` between
 * fields, CRLF line ends, Persian and Arabic-Indic digits, columns in any order, header case ignored). Every
 * bad line is reported, not only the first; the header is line 1. Nothing is returned as valid unless every
 * line is. Checks that need the database (an email that belongs to a staff account, a role that would change)
 * come after, in the import service.
 */
export function parseRosterCsv(text: string): RosterParseOutcome {
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
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(ROSTER_COLUMNS as readonly string[]).includes(h));
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  if (rows.length === 0 || missing.length > 0 || unknown.length > 0 || repeated.length > 0) {
    const parts = [
      missing.length > 0 ? `missing column(s): ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown column(s): ${unknown.join(', ')}` : '',
      repeated.length > 0 ? `repeated column(s): ${[...new Set(repeated)].join(', ')}` : '',
    ];
    return { ok: false, rejected: [{ line: 1, error: `the header must name the columns ${ROSTER_COLUMNS.join(',')} (in any order); ${parts.filter(Boolean).join('; ') || 'the file is empty'}` }] };
  }
  const col = (name: Column): number => header.indexOf(name);
  const result: RosterRow[] = [];
  const rejected: RejectedLine[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as string[];
    const line = i + 1;
    if (row.length !== header.length) {
      rejected.push({ line, error: `expected ${header.length} fields, found ${row.length}` });
      continue;
    }
    // PostgreSQL cannot store a NUL character.
    if (row.some((cell) => cell.includes('\u0000'))) {
      rejected.push({ line, error: 'the line contains a NUL character' });
      continue;
    }
    const field = (name: Column): string => (col(name) >= 0 ? (row[col(name)] ?? '') : '');
    const errors: string[] = [];
    const email = field('email').toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) errors.push('email is not a valid email address');
    const fullName = field('full_name').replace(/\s+/g, ' ');
    if (fullName.length === 0 || fullName.length > 200) errors.push('full_name must be 1 to 200 characters');
    const yearOfStudy = parseInteger(field('year_of_study'));
    if (yearOfStudy === undefined || yearOfStudy < MIN_YEAR_OF_STUDY || yearOfStudy > MAX_YEAR_OF_STUDY) {
      errors.push(`year_of_study must be a whole number from ${MIN_YEAR_OF_STUDY} to ${MAX_YEAR_OF_STUDY}`);
    }
    const roleText = field('role').toLowerCase();
    const role = roleText === EnrollmentRole.Mentor || roleText === EnrollmentRole.Mentee ? roleText : undefined;
    if (!role) errors.push('role must be mentor or mentee');
    const capacityText = field('capacity').trim();
    let capacity: number | null = null;
    if (role === EnrollmentRole.Mentee && capacityText !== '') errors.push('capacity applies to mentors only: leave it empty for a mentee');
    if (role === EnrollmentRole.Mentor) {
      const parsed = capacityText === '' ? DEFAULT_MENTOR_CAPACITY : parseInteger(capacityText);
      if (parsed === undefined || parsed < 1 || parsed > MAX_CAPACITY) errors.push(`capacity must be a whole number from 1 to ${MAX_CAPACITY} (empty means ${DEFAULT_MENTOR_CAPACITY})`);
      else capacity = parsed;
    }
    const earlier = seen.get(email);
    if (EMAIL.test(email) && earlier !== undefined) errors.push(`the same email as line ${earlier}`);
    else if (EMAIL.test(email)) seen.set(email, line);
    if (errors.length > 0 || !role || yearOfStudy === undefined) {
      rejected.push({ line, error: errors.join('; ') });
      continue;
    }
    result.push({ line, email, fullName, yearOfStudy, role, capacity });
  }
  if (rows.length === 1 && rejected.length === 0) return { ok: false, rejected: [{ line: 1, error: 'the file has a header but no rows' }] };
  return rejected.length > 0 ? { ok: false, rejected } : { ok: true, rows: result };
}
