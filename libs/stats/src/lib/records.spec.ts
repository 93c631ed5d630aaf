import { passRates, prePostByStudent, recordValue } from '../index';
import type { AssessmentRecord } from '../index';

const START = '2024-09-01';

function rec(studentKey: string, takenOn: string, score: number, maxScore = 100, assessment = 'exam'): AssessmentRecord {
  return { studentKey, takenOn, score, maxScore, assessment };
}

describe('prePostByStudent', () => {
  it('averages 100 * score / max_score per student, before vs on-or-after startsOn', () => {
    const records = [
      rec('ana', '2024-03-10', 30, 40), // 75
      rec('ana', '2024-06-01', 13, 20), // 65
      rec('ana', '2024-09-01', 8, 10), // 80 — exactly on startsOn: post
      rec('ana', '2025-01-15', 45, 50), // 90
      rec('ana', '2024-12-01', 35, 50), // 70
    ];
    expect(prePostByStudent(records, START)).toEqual([
      { studentKey: 'ana', pre: 70, post: 80, change: 10, preCount: 2, postCount: 3 },
    ]);
  });

  it('a record on startsOn counts as post, the day before as pre', () => {
    const out = prePostByStudent([rec('bo', '2024-08-31', 50), rec('bo', '2024-09-01', 60)], START);
    expect(out).toEqual([{ studentKey: 'bo', pre: 50, post: 60, change: 10, preCount: 1, postCount: 1 }]);
    // only on-startsOn records: no pre -> excluded
    expect(prePostByStudent([rec('bo', '2024-09-01', 50), rec('bo', '2024-09-02', 60)], START)).toEqual([]);
  });

  it('excludes students with only pre or only post records, sorts by studentKey', () => {
    const records = [
      rec('zoe', '2024-01-01', 40),
      rec('zoe', '2024-10-01', 50),
      rec('onlyPre', '2024-01-01', 40),
      rec('onlyPre', '2024-02-01', 40),
      rec('onlyPost', '2024-10-01', 90),
      rec('Adam', '2024-01-01', 10, 20),
      rec('Adam', '2024-10-01', 3, 4),
      rec('mia', '2024-10-01', 1, 3),
      rec('mia', '2024-01-01', 2, 3),
    ];
    const out = prePostByStudent(records, START);
    expect(out.map((s) => s.studentKey)).toEqual(['Adam', 'mia', 'zoe']); // code-unit order: uppercase first
    expect(out[0]).toEqual({ studentKey: 'Adam', pre: 50, post: 75, change: 25, preCount: 1, postCount: 1 });
    expect(out[1].pre).toBeCloseTo(200 / 3, 12);
    expect(out[1].post).toBeCloseTo(100 / 3, 12);
    expect(out[1].change).toBeCloseTo(-100 / 3, 12);
  });

  it('averages records (not scores): mixed max scores are each converted to percent first', () => {
    // 9/10 = 90 %, 10/100 = 10 % -> mean 50 (the pooled 19/110 would be 17.3 %)
    const out = prePostByStudent([rec('x', '2024-01-01', 9, 10), rec('x', '2024-01-02', 10, 100), rec('x', '2024-09-05', 1, 2)], START);
    expect(out[0].pre).toBe(50);
    expect(out[0].post).toBe(50);
    expect(out[0].change).toBe(0);
  });

  it('empty input gives an empty list', () => {
    expect(prePostByStudent([], START)).toEqual([]);
  });

  it('rejects malformed dates and non-positive max scores', () => {
    expect(() => prePostByStudent([], '2024-9-1')).toThrow(RangeError);
    expect(() => prePostByStudent([], '2024-02-30')).toThrow(RangeError);
    expect(() => prePostByStudent([rec('a', '01/02/2024', 5)], START)).toThrow(RangeError);
    expect(() => prePostByStudent([rec('a', '2024-01-01', 5, 0)], START)).toThrow(RangeError);
    expect(() => prePostByStudent([rec('a', '2024-01-01', 5, -10)], START)).toThrow(RangeError);
    expect(() => prePostByStudent([rec('a', '2024-01-01', NaN)], START)).toThrow(RangeError);
  });

  it('recordValue is 100 * score / max_score', () => {
    expect(recordValue(rec('a', '2024-01-01', 17, 20))).toBe(85);
    expect(recordValue(rec('a', '2024-01-01', 22, 20))).toBe(110); // bonus points are kept
  });
});

describe('passRates', () => {
  it('counts records, not students, before vs on-or-after startsOn, default mark 60', () => {
    const records = [
      rec('a', '2024-01-01', 59), // fail
      rec('a', '2024-01-02', 60), // pass (exactly the mark)
      rec('b', '2024-02-01', 6, 10), // pass
      rec('c', '2024-02-01', 20), // fail; c has only pre records but still counts
      rec('a', '2024-09-01', 61), // post pass (on startsOn)
      rec('b', '2024-10-01', 5, 10), // post fail
    ];
    expect(passRates(records, START)).toEqual({
      pre: { passed: 2, total: 4, rate: 0.5 },
      post: { passed: 1, total: 2, rate: 0.5 },
    });
  });

  it('uses the pass mark per assessment', () => {
    const records = [rec('a', '2024-01-01', 55, 100, 'osce'), rec('a', '2024-01-01', 55, 100, 'written'), rec('a', '2024-10-01', 70, 100, 'written')];
    const mark = (assessment: string): number => (assessment === 'osce' ? 50 : 75);
    expect(passRates(records, START, mark)).toEqual({
      pre: { passed: 1, total: 2, rate: 0.5 },
      post: { passed: 0, total: 1, rate: 0 },
    });
  });

  it('a decimal score that is exactly the mark on paper passes despite binary rounding', () => {
    // 100 * 0.66 / 1.1 computes as 59.99999999999999
    expect((100 * 0.66) / 1.1).toBeLessThan(60);
    expect(passRates([rec('a', '2024-01-01', 0.66, 1.1)], START).pre).toEqual({ passed: 1, total: 1, rate: 1 });
    expect(passRates([rec('a', '2024-01-01', 0.65, 1.1)], START).pre).toEqual({ passed: 0, total: 1, rate: 0 });
  });

  it('no records: totals 0 and rates null', () => {
    expect(passRates([], START)).toEqual({ pre: { passed: 0, total: 0, rate: null }, post: { passed: 0, total: 0, rate: null } });
  });
});
