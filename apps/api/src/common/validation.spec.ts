import type { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { createValidationPipe, MAX_INPUT_DEPTH, nestingDepth, textProblems } from './validation';

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

describe('the validation pipe: problems as codes with parameters', () => {
  class Item {
    @IsString() @MaxLength(5) text!: string;
  }
  class Body {
    @IsString() @MinLength(3) name!: string;
    @IsInt() @Min(1) @Max(6) year!: number;
    @IsIn(['a', 'b']) kind!: string;
    @IsArray() @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => Item) items!: Item[];
  }
  const pipe = createValidationPipe();
  const refuse = async (value: unknown): Promise<Record<string, unknown>> => {
    try {
      await pipe.transform(value, { type: 'body', metatype: Body });
    } catch (e) {
      return (e as BadRequestException).getResponse() as Record<string, unknown>;
    }
    throw new Error('accepted');
  };

  it('sends each problem as {field, code, params}, the English sentences kept in message', async () => {
    const body = await refuse({ name: 'ab', year: 9, kind: 'c', items: [{ text: 'toolong' }], extra: 1 });
    expect(body['code']).toBe('VALIDATION_FAILED');
    expect(body['fields']).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'minLength', params: { min: 3 } },
        { field: 'year', code: 'max', params: { max: 6 } },
        { field: 'kind', code: 'oneOf', params: { values: 'a, b' } },
        { field: 'items.0.text', code: 'maxLength', params: { max: 5 } },
        { field: 'extra', code: 'unknownField' },
      ]),
    );
    expect(body['message']).toEqual(expect.arrayContaining(['name must be longer than or equal to 3 characters', 'property extra should not exist']));
  });

  it('says a missing field once, as required', async () => {
    const body = await refuse({ year: 1, kind: 'a', items: [] });
    expect((body['fields'] as Array<{ field: string }>).filter((f) => f.field === 'name')).toEqual([{ field: 'name', code: 'required' }]);
  });

  it('names text PostgreSQL cannot store, and an input nested too deep', async () => {
    expect((await refuse({ name: 'a\u0000b' }))['fields']).toEqual([{ field: 'name', code: 'nulCharacter' }]);
    expect((await refuse({ name: nested(100) }))['fields']).toEqual([{ field: '', code: 'tooDeep', params: { max: MAX_INPUT_DEPTH } }]);
  });
});
