import { normalizeDigits, parseRecordsCsv } from './csv-records';

const HEADER = 'student_email,assessment,taken_on,score,max_score';

describe('parseRecordsCsv', () => {
  it('parses a good file, lower-casing emails', () => {
    const out = parseRecordsCsv(`${HEADER}\nSara@Uni.Example,Anatomy midterm,2026-09-10,42,50\nali@uni.example,Anatomy midterm,2026-09-10,45.5,50\n`);
    expect(out).toEqual({
      ok: true,
      records: [
        { line: 2, studentEmail: 'sara@uni.example', assessment: 'Anatomy midterm', takenOn: '2026-09-10', score: 42, maxScore: 50 },
        { line: 3, studentEmail: 'ali@uni.example', assessment: 'Anatomy midterm', takenOn: '2026-09-10', score: 45.5, maxScore: 50 },
      ],
    });
  });

  it('accepts a byte-order mark, `;` separators with decimal commas, CRLF and Persian or Arabic-Indic digits', () => {
    const text = '\uFEFFstudent_email;assessment;taken_on;score;max_score\r\nsara@uni.example;Physiology;۲۰۲۶-۰۹-۱۰;۴۲,۵;۵۰\r\nali@uni.example;Physiology;٢٠٢٦-٠٩-١٠;٤٥٫٥;٥٠\r\n';
    const out = parseRecordsCsv(text);
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.records.map((r) => [r.takenOn, r.score, r.maxScore])).toEqual([['2026-09-10', 42.5, 50], ['2026-09-10', 45.5, 50]]);
  });

  it('accepts the columns in any order', () => {
    const out = parseRecordsCsv('score,max_score,student_email,taken_on,assessment\n10,20,a@b.example,2026-01-02,Quiz\n');
    expect(out.ok && out.records[0]).toMatchObject({ score: 10, maxScore: 20, studentEmail: 'a@b.example' });
  });

  it('reports every bad line with its reason, the header being line 1', () => {
    const text = [
      HEADER,
      'good@uni.example,Quiz,2026-09-10,5,10',
      'not-an-email,Quiz,2026-09-10,5,10',
      'a@uni.example,Quiz,2026-02-30,5,10',
      'b@uni.example,Quiz,10/09/2026,5,10',
      'c@uni.example,Quiz,2026-09-10,-1,10',
      'd@uni.example,Quiz,2026-09-10,11,10',
      'e@uni.example,Quiz,2026-09-10,5,0',
      'f@uni.example,,2026-09-10,5,10',
      'g@uni.example,Quiz,2026-09-10,five,10',
      'h@uni.example,Quiz,2026-09-10,5',
    ].join('\n');
    const out = parseRecordsCsv(text);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(out.rejected.find((r) => r.line === 7)?.error).toContain('above max_score');
      expect(out.rejected.find((r) => r.line === 8)?.error).toContain('max_score');
      expect(out.rejected.find((r) => r.line === 11)?.error).toContain('expected 5 fields');
    }
  });

  it('refuses a header with missing or unknown columns', () => {
    const out = parseRecordsCsv('student_email,assessment,taken_on,score,maximum\n');
    expect(out).toEqual({ ok: false, rejected: [{ line: 1, error: expect.stringMatching(/missing column\(s\): max_score; unknown column\(s\): maximum/) }] });
    expect(parseRecordsCsv('').ok).toBe(false);
  });

  it('keeps one copy of a repeated identical row but refuses a conflicting repeat', () => {
    const same = parseRecordsCsv(`${HEADER}\na@b.example,Quiz,2026-09-10,5,10\na@b.example,Quiz,2026-09-10,5,10\n`);
    expect(same.ok && same.records).toHaveLength(1);
    const clash = parseRecordsCsv(`${HEADER}\na@b.example,Quiz,2026-09-10,5,10\na@b.example,Quiz,2026-09-10,6,10\n`);
    expect(clash).toEqual({ ok: false, rejected: [{ line: 3, error: expect.stringContaining('line 2') }] });
  });

  it('refuses what PostgreSQL cannot store or compute: a NUL character, year 0000, numbers past 9 digits or 6 decimals', () => {
    const text = [
      HEADER,
      'a@b.example,Qu\u0000iz,2026-09-10,5,10',
      'b@b.example,Quiz,0000-01-01,5,10',
      `c@b.example,Quiz,2026-09-10,${'9'.repeat(400)},${'9'.repeat(400)}`,
      `d@b.example,Quiz,2026-09-10,1,${'9'.repeat(308)}`,
      'e@b.example,Quiz,2026-09-10,0.0000001,1',
      'f@b.example,Quiz,0001-01-01,999999999.999999,999999999.999999',
    ].join('\n');
    const out = parseRecordsCsv(text);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.rejected.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
      expect(out.rejected[0]?.error).toContain('NUL');
      expect(out.rejected[1]?.error).toContain('taken_on');
    }
  });

  it('reports broken quoting as a rejected line, not an exception', () => {
    const out = parseRecordsCsv(`${HEADER}\n"a@b.example,Quiz,2026-09-10,5,10\n`);
    expect(out.ok).toBe(false);
  });
});

describe('normalizeDigits', () => {
  it('maps Persian and Arabic-Indic digits', () => {
    expect(normalizeDigits('۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩ ٫')).toBe('0123456789 0123456789 .');
  });
});
