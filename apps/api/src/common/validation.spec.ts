import { MAX_INPUT_DEPTH, nestingDepth, textProblems } from './validation';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

describe('nestingDepth', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(nestingDepth('text')).toBe(0);
    expect(nestingDepth({})).toBe(1);
    expect(nestingDepth({ a: [1, { b: null }] })).toBe(3);
    expect(nestingDepth(nested(MAX_INPUT_DEPTH))).toBe(MAX_INPUT_DEPTH);
  });

  it('walks an input deep enough to overflow a recursive walk, and stops early', () => {
    expect(nestingDepth(nested(100_000))).toBe(MAX_INPUT_DEPTH + 1);
  });
});

describe('textProblems', () => {
  it('accepts any well-formed text: RTL, emoji, zero-width characters', () => {
    expect(textProblems({ name: 'سلام \u202Eabc 👩‍⚕️\u200B', list: ['é', { deep: 'ok' }], n: 1, b: null })).toEqual([]);
  });

  it('names every field holding a NUL character or a lone surrogate, keys included', () => {
    expect(textProblems({ name: 'a\u0000b', items: [{ text: 'x\ud800' }], ['k\u0000']: 1, low: '\udc00y' }).sort()).toEqual(
      [
        'name must not contain NUL characters',
        'items.0.text must be well-formed Unicode text (it holds a lone surrogate)',
        'a field name in the input must not contain NUL characters',
        'low must be well-formed Unicode text (it holds a lone surrogate)',
      ].sort(),
    );
    expect(textProblems('\u0000')).toEqual(['the input must not contain NUL characters']);
  });
});
