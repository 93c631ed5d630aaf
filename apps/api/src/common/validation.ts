import { BadRequestException, ValidationError, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) =>
      // class-validator says "property x should not exist"; name the full path instead.
      m.startsWith(`property ${e.property} `) ? m.replace(`property ${e.property}`, `property ${path}`) : m.replace(e.property, path),
    );
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** No request body, query or socket payload of ours nests anywhere near this deep. */
export const MAX_INPUT_DEPTH = 32;

/**
 * How deep objects and arrays nest in `value`, counted with an explicit stack (a recursive walk is what an
 * input 3,000 arrays deep is meant to overflow). Stops as soon as the depth passes `limit`.
 */
export function nestingDepth(value: unknown, limit = MAX_INPUT_DEPTH): number {
  let deepest = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (item.value === null || typeof item.value !== 'object') continue;
    const depth = item.depth + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Object.values(item.value)) pending.push({ value: child, depth });
  }
  return deepest;
}

export const tooDeepMessage = `the input nests objects or arrays deeper than ${MAX_INPUT_DEPTH} levels`;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text PostgreSQL cannot store as sent: a NUL character (refused by the database, which answered 500) or a
 * lone surrogate (silently stored as U+FFFD, so what is read back differs from what was sent). Returns one
 * sentence per offending field, named by its path; keys are checked too.
 */
export function textProblems(value: unknown, max = 10): string[] {
  const problems: string[] = [];
  const check = (text: string, path: string): void => {
    const name = path || 'the input';
    if (text.includes('\u0000')) problems.push(`${name} must not contain NUL characters`);
    else if (LONE_SURROGATE.test(text)) problems.push(`${name} must be well-formed Unicode text (it holds a lone surrogate)`);
  };
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  for (let item = pending.pop(); item !== undefined && problems.length < max; item = pending.pop()) {
    if (typeof item.value === 'string') check(item.value, item.path);
    else if (item.value !== null && typeof item.value === 'object') {
      for (const [key, child] of Object.entries(item.value)) {
        const path = item.path ? `${item.path}.${key}` : key;
        check(key, `a field name in ${item.path || 'the input'}`);
        pending.push({ value: child, path });
      }
    }
  }
  return problems;
}

/**
 * class-transformer and class-validator walk an input recursively: a JSON body of a few thousand nested arrays
 * (well under the 1 MB body limit) overflowed the stack and answered 500. Such an input is refused first.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      if (nestingDepth(value) > MAX_INPUT_DEPTH) throw new BadRequestException([tooDeepMessage]);
      // A whole body that is text (an imported CSV file) is checked line by line by its own use case, which
      // names the bad lines; JSON bodies and query strings are checked here, for every route alike.
      const problems = typeof value === 'string' ? [] : textProblems(value);
      if (problems.length > 0) throw new BadRequestException(problems);
    }
    return super.transform(value, metadata);
  }
}

/** The one global pipe: unknown fields are refused (a `role` slipped into a registration is a 400), types coerced. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new BadRequestException(flatten(errors)),
  });
}
