import { csvCell, csvLine } from './csv-writer';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('defuses the formula %p', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('keeps numbers, negative ones included, as numbers', () => {
    expect(csvCell(-3.25)).toBe('-3.25');
    expect(csvCell('-3.25')).toBe('-3.25');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ny', 'plain'])).toBe('"a,b","say ""hi""","x\ny",plain');
  });
});
