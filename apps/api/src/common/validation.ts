import { BadRequestException, HttpStatus, ValidationError, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { ErrorCode, FieldErrorCode, type ApiErrorBody, type FieldError } from '@pm/contracts';

interface Problem {
  message: string;
  /** Absent when an earlier problem already says it (one `required` for a missing field's several rules). */
  field?: FieldError;
}

/** class-validator's constraint names, as the codes the dashboard translates. `matches` is decided by its message. */
const CODE_OF_CONSTRAINT: Readonly<Record<string, FieldErrorCode>> = {
  isDefined: FieldErrorCode.Required,
  isNotEmpty: FieldErrorCode.Required,
  whitelistValidation: FieldErrorCode.UnknownField,
  unknownValue: FieldErrorCode.NotAnObject,
  isString: FieldErrorCode.String,
  isInt: FieldErrorCode.Integer,
  isNumber: FieldErrorCode.Number,
  isBoolean: FieldErrorCode.Boolean,
  isArray: FieldErrorCode.Array,
  isObject: FieldErrorCode.Object,
  nestedValidation: FieldErrorCode.Object,
  isEmail: FieldErrorCode.Email,
  isUuid: FieldErrorCode.Uuid,
  isUrl: FieldErrorCode.Url,
  minLength: FieldErrorCode.MinLength,
  maxLength: FieldErrorCode.MaxLength,
  min: FieldErrorCode.Min,
  max: FieldErrorCode.Max,
  arrayMinSize: FieldErrorCode.ArrayMinSize,
  arrayMaxSize: FieldErrorCode.ArrayMaxSize,
  arrayUnique: FieldErrorCode.ArrayUnique,
  isIn: FieldErrorCode.OneOf,
  isEnum: FieldErrorCode.OneOf,
  isIso8601: FieldErrorCode.Date,
  isDateString: FieldErrorCode.Date,
  isIsoInstant: FieldErrorCode.Instant,
  ianaTimeZone: FieldErrorCode.TimeZone,
};

/** The argument of a decorator (`@MaxLength(200)` → 200), read from class-validator's metadata for the class. */
function constraintArgs(target: object | undefined, property: string, name: string): unknown[] | undefined {
  if (!target) return undefined;
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  return metadata.find((m) => m.propertyName === property && m.name === name)?.constraints;
}

function paramsFor(code: FieldErrorCode, args: unknown[] | undefined): FieldError['params'] {
  const first = args?.[0];
  switch (code) {
    case FieldErrorCode.MinLength:
    case FieldErrorCode.Min:
    case FieldErrorCode.ArrayMinSize:
      return typeof first === 'number' ? { min: first } : undefined;
    case FieldErrorCode.MaxLength:
    case FieldErrorCode.Max:
    case FieldErrorCode.ArrayMaxSize:
      return typeof first === 'number' ? { max: first } : undefined;
    case FieldErrorCode.OneOf: {
      // @IsIn([...]) keeps the list; @IsEnum(E) keeps the enum object.
      const values = Array.isArray(first) ? first : first !== null && typeof first === 'object' ? Object.values(first) : undefined;
      return values ? { values: values.map(String).join(', ') } : undefined;
    }
    default:
      return undefined;
  }
}

function codeFor(constraint: string, message: string): FieldErrorCode {
  if (constraint === 'matches') return / must not be blank$/.test(message) ? FieldErrorCode.NotBlank : / YYYY-MM-DD$/.test(message) ? FieldErrorCode.Date : FieldErrorCode.Format;
  // The pipe's own refusal of a body that is not an object at all.
  if (constraint === 'isObject' && message.startsWith('Validation failed')) return FieldErrorCode.NotAnObject;
  return CODE_OF_CONSTRAINT[constraint] ?? FieldErrorCode.Invalid;
}

/** The problems class-validator found on one property itself (its children are walked by `problemsOf`). */
function ownProblems(e: ValidationError, path: string): Problem[] {
  return Object.entries(e.constraints ?? {}).map(([constraint, m]): Problem => {
    // class-validator says "property x should not exist"; name the full path instead.
    const message = m.startsWith(`property ${e.property} `) ? m.replace(`property ${e.property}`, `property ${path}`) : m.replace(e.property, path);
    const code = codeFor(constraint, m);
    const field = code === FieldErrorCode.NotAnObject ? '' : path;
    const params = paramsFor(code, constraintArgs(e.target, e.property, constraint));
    return { message, field: { field, code, ...(params ? { params } : {}) } };
  });
}

/**
 * Every problem, depth first. A field that is absent is reported by its type rule ("email must be an email");
 * one `required` says it better (the English sentences stay as they were).
 */
function problemsOf(errors: ValidationError[], prefix = ''): Problem[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = ownProblems(e, path);
    const constraints = Object.keys(e.constraints ?? {});
    const missing = e.value === undefined && own.length > 0 && !constraints.includes('whitelistValidation') && !constraints.includes('unknownValue');
    const mine = missing ? own.map((p, i): Problem => (i === 0 ? { message: p.message, field: { field: path, code: FieldErrorCode.Required } } : { message: p.message })) : own;
    return [...mine, ...problemsOf(e.children ?? [], path)];
  });
}

/**
 * The 400 of every refused input: `message` the English sentences (as before, for older clients), `fields`
 * the same problems as codes with their parameters, which the dashboard says in the reader's language.
 */
export class InvalidInputException extends BadRequestException {
  constructor(problems: Problem[]) {
    const body: ApiErrorBody = {
      statusCode: HttpStatus.BAD_REQUEST,
      error: 'Bad Request',
      message: problems.map((p) => p.message),
      code: ErrorCode.ValidationFailed,
      fields: problems.flatMap((p) => (p.field ? [p.field] : [])),
    };
    super(body);
  }
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
 * lone surrogate (silently stored as U+FFFD, so what is read back differs from what was sent). One problem
 * per offending field, named by its path; keys are checked too.
 */
function textProblemList(value: unknown, max = 10): Problem[] {
  const problems: Problem[] = [];
  const check = (text: string, path: string, isKey: boolean, parent: string): void => {
    const name = isKey ? `a field name in ${parent || 'the input'}` : path || 'the input';
    const field = isKey ? parent : path;
    if (text.includes('\u0000')) problems.push({ message: `${name} must not contain NUL characters`, field: { field, code: FieldErrorCode.NulCharacter } });
    else if (LONE_SURROGATE.test(text)) problems.push({ message: `${name} must be well-formed Unicode text (it holds a lone surrogate)`, field: { field, code: FieldErrorCode.LoneSurrogate } });
  };
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  for (let item = pending.pop(); item !== undefined && problems.length < max; item = pending.pop()) {
    if (typeof item.value === 'string') check(item.value, item.path, false, '');
    else if (item.value !== null && typeof item.value === 'object') {
      for (const [key, child] of Object.entries(item.value)) {
        const path = item.path ? `${item.path}.${key}` : key;
        check(key, path, true, item.path);
        pending.push({ value: child, path });
      }
    }
  }
  return problems;
}

/** The sentences of `textProblemList`, for callers that only speak English (chat acks). */
export function textProblems(value: unknown, max = 10): string[] {
  return textProblemList(value, max).map((p) => p.message);
}

const tooDeep: Problem = { message: tooDeepMessage, field: { field: '', code: FieldErrorCode.TooDeep, params: { max: MAX_INPUT_DEPTH } } };

/**
 * class-transformer and class-validator walk an input recursively: a JSON body of a few thousand nested arrays
 * (well under the 1 MB body limit) overflowed the stack and answered 500. Such an input is refused first.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      if (nestingDepth(value) > MAX_INPUT_DEPTH) throw new InvalidInputException([tooDeep]);
      // A whole body that is text (an imported CSV file) is checked line by line by its own use case, which
      // names the bad lines; JSON bodies and query strings are checked here, for every route alike.
      const problems = typeof value === 'string' ? [] : textProblemList(value);
      if (problems.length > 0) throw new InvalidInputException(problems);
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
    // The value tells a missing field from a wrong one, the target finds a rule's arguments (@MaxLength(200));
    // neither is sent.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => new InvalidInputException(problemsOf(errors)),
  });
}
