import { parseRosterCsv } from './roster-csv';

describe('parseRosterCsv', () => {
  it('reads columns in any order, with a BOM, ; separators, CRLF and Persian digits', () => {
    const outcome = parseRosterCsv('\uFEFFRole;Capacity;EMAIL;full_name;year_of_study\r\nmentor;۴;Sara@Uni.Example;سارا  احمدی;۵\r\nmentee;;ali@uni.example;Ali;١\r\n');
    expect(outcome).toEqual({
      ok: true,
      rows: [
        { line: 2, email: 'sara@uni.example', fullName: 'سارا احمدی', yearOfStudy: 5, role: 'mentor', capacity: 4 },
        { line: 3, email: 'ali@uni.example', fullName: 'Ali', yearOfStudy: 1, role: 'mentee', capacity: null },
      ],
    });
  });

  it('gives a mentor with an empty capacity 3, and accepts a file without the capacity column', () => {
    expect(parseRosterCsv('email,full_name,year_of_study,role,capacity\nm@uni.example,M,4,mentor,\n')).toMatchObject({ ok: true, rows: [{ capacity: 3 }] });
    expect(parseRosterCsv('email,full_name,year_of_study,role\ne@uni.example,E,1,mentee\n')).toMatchObject({ ok: true, rows: [{ capacity: null }] });
  });

  it('names every bad line, not only the first', () => {
    const outcome = parseRosterCsv(
      [
        'email,full_name,year_of_study,role,capacity',
        'bad,X,1,mentee,',
        'a@uni.example,,0,mentee,',
        'b@uni.example,B,9,mentee,',
        'c@uni.example,C,2,boss,',
        'd@uni.example,D,4,mentor,-1',
        'e@uni.example,E,4,mentor,many',
        'f@uni.example,F,1,mentee,2',
        'g@uni.example,G,4,mentor,2',
        'G@uni.example,G again,4,mentor,2',
        'h@uni.example,H,4',
      ].join('\n'),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.rejected.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 10, 11]);
    expect(outcome.rejected.find((r) => r.line === 3)?.error).toMatch(/full_name.*year_of_study/);
    expect(outcome.rejected.find((r) => r.line === 8)?.error).toMatch(/mentors only/);
    expect(outcome.rejected.find((r) => r.line === 10)?.error).toBe('the same email as line 9');
    expect(outcome.rejected.find((r) => r.line === 11)?.error).toMatch(/expected 5 fields/);
  });

  it('refuses a header with a missing, unknown or repeated column, and a file without rows', () => {
    expect(parseRosterCsv('email,name,year_of_study,role\n')).toEqual({ ok: false, rejected: [{ line: 1, error: expect.stringMatching(/missing column\(s\): full_name; unknown column\(s\): name/) }] });
    expect(parseRosterCsv('email,email,full_name,year_of_study,role\n')).toEqual({ ok: false, rejected: [{ line: 1, error: expect.stringMatching(/repeated column/) }] });
    expect(parseRosterCsv('email,full_name,year_of_study,role\n')).toEqual({ ok: false, rejected: [{ line: 1, error: 'the file has a header but no rows' }] });
    expect(parseRosterCsv('')).toMatchObject({ ok: false });
  });
});
