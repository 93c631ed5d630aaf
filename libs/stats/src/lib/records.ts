import { robustMean } from './numeric';

export interface AssessmentRecord {
  studentKey: string;
  /** Date the assessment was taken, `YYYY-MM-DD`. */
  takenOn: string;
  score: number;
  maxScore: number;
  assessment: string;
}

export interface StudentPrePost {
  studentKey: string;
  /** Mean record value (percent) before the program's start date. */
  pre: number;
  /** Mean record value (percent) on or after the program's start date. */
  post: number;
  /** post - pre */
  change: number;
  preCount: number;
  postCount: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Throws a RangeError unless `value` is a real calendar date written `YYYY-MM-DD`. */
export function assertIsoDate(value: string, what: string): void {
  const m = DATE.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return;
  }
  throw new RangeError(`${what} must be a date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

/**
 * A record's value, `100 * score / max_score` (the contract's formula, in that order).
 * Throws a RangeError for a malformed date, a max score that is not a positive finite number,
 * or a value that is not finite: the importer rejects such rows, so meeting one here is a bug upstream.
 */
export function recordValue(r: AssessmentRecord): number {
  assertIsoDate(r.takenOn, `takenOn of ${r.studentKey}/${r.assessment}`);
  if (!(r.maxScore > 0) || !Number.isFinite(r.maxScore)) {
    throw new RangeError(`maxScore of ${r.studentKey}/${r.assessment} must be a positive number, got ${String(r.maxScore)}`);
  }
  const value = (100 * r.score) / r.maxScore;
  if (!Number.isFinite(value)) {
    throw new RangeError(`value of ${r.studentKey}/${r.assessment} is not finite (score ${String(r.score)})`);
  }
  return value;
}

/** Dates are validated `YYYY-MM-DD` strings, so string order is date order. */
function isPost(takenOn: string, startsOn: string): boolean {
  return takenOn >= startsOn;
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Per student: the mean value of records taken before `startsOn` (pre) and of records taken on or
 * after it (post). Only students with both are returned, sorted by `studentKey` (code-unit order).
 */
export function prePostByStudent(records: readonly AssessmentRecord[], startsOn: string): StudentPrePost[] {
  assertIsoDate(startsOn, 'startsOn');
  const byStudent = new Map<string, { pre: number[]; post: number[] }>();
  for (const r of records) {
    const value = recordValue(r);
    let entry = byStudent.get(r.studentKey);
    if (!entry) {
      entry = { pre: [], post: [] };
      byStudent.set(r.studentKey, entry);
    }
    (isPost(r.takenOn, startsOn) ? entry.post : entry.pre).push(value);
  }
  const result: StudentPrePost[] = [];
  for (const [studentKey, { pre, post }] of byStudent) {
    if (pre.length === 0 || post.length === 0) continue;
    const preMean = robustMean(pre);
    const postMean = robustMean(post);
    const change = postMean - preMean;
    if (!Number.isFinite(change)) {
      throw new RangeError(`change of ${studentKey} is not finite (values too large)`);
    }
    result.push({ studentKey, pre: preMean, post: postMean, change, preCount: pre.length, postCount: post.length });
  }
  return result.sort((a, b) => byKey(a.studentKey, b.studentKey));
}

export interface PassCount {
  passed: number;
  total: number;
  /** passed / total; null when total is 0. */
  rate: number | null;
}

export interface PassRates {
  pre: PassCount;
  post: PassCount;
}

/**
 * A value this far (in percentage points) below the pass mark still passes: decimal scores are not
 * exact in binary, so e.g. a score that is exactly 60 % on paper may compute as 59.99999999999999.
 */
export const PASS_MARK_TOLERANCE = 1e-9;

/**
 * Share of records (not students) whose value is at least the pass mark, separately for records
 * before `startsOn` and on or after it. Every record counts, including those of students who have
 * only pre or only post records. `passMarkPercent` gives the mark per assessment (default 60).
 */
export function passRates(
  records: readonly AssessmentRecord[],
  startsOn: string,
  passMarkPercent: (assessment: string) => number = () => 60,
): PassRates {
  assertIsoDate(startsOn, 'startsOn');
  const pre = { passed: 0, total: 0 };
  const post = { passed: 0, total: 0 };
  for (const r of records) {
    const value = recordValue(r);
    const mark = passMarkPercent(r.assessment);
    if (!Number.isFinite(mark)) {
      throw new RangeError(`pass mark of ${r.assessment} must be a finite number, got ${String(mark)}`);
    }
    const bucket = isPost(r.takenOn, startsOn) ? post : pre;
    bucket.total += 1;
    if (value >= mark - PASS_MARK_TOLERANCE) bucket.passed += 1;
  }
  const withRate = (c: { passed: number; total: number }): PassCount => ({
    ...c,
    rate: c.total > 0 ? c.passed / c.total : null,
  });
  return { pre: withRate(pre), post: withRate(post) };
}
