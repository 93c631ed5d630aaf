/**
 * Why one field of a request was refused, as a code the dashboard translates, with the numbers or choices the
 * sentence needs (`params`). A 400 from the validation pipe carries one entry per problem in `fields`, next to
 * the English `message` sentences kept for older clients. Adding a code here without a message in every
 * language does not compile (apps/web/src/i18n/messages.ts).
 */
export const FieldErrorCode = {
  /** The field is missing. */
  Required: 'required',
  /** The field is not one the route takes (a `role` slipped into a registration). */
  UnknownField: 'unknownField',
  /** The whole body is not the object the route takes (an array, a string, null). */
  NotAnObject: 'notAnObject',
  String: 'string',
  Integer: 'integer',
  Number: 'number',
  Boolean: 'boolean',
  Array: 'array',
  Object: 'object',
  Email: 'email',
  Uuid: 'uuid',
  Url: 'url',
  /** params: {min} characters. */
  MinLength: 'minLength',
  /** params: {max} characters. */
  MaxLength: 'maxLength',
  /** params: {min}. */
  Min: 'min',
  /** params: {max}. */
  Max: 'max',
  /** params: {min} items. */
  ArrayMinSize: 'arrayMinSize',
  /** params: {max} items. */
  ArrayMaxSize: 'arrayMaxSize',
  ArrayUnique: 'arrayUnique',
  /** params: {values}: the accepted values, comma separated. */
  OneOf: 'oneOf',
  /** A calendar date, YYYY-MM-DD. */
  Date: 'date',
  /** A date and time with an offset (ISO 8601). */
  Instant: 'instant',
  /** An IANA time zone such as Asia/Tehran. */
  TimeZone: 'timeZone',
  NotBlank: 'notBlank',
  /** Some other format rule (the English `message` names it). */
  Format: 'format',
  /** Text holding a NUL character. */
  NulCharacter: 'nulCharacter',
  /** Text holding a lone surrogate (not well-formed Unicode). */
  LoneSurrogate: 'loneSurrogate',
  /** params: {max} levels of nested objects or arrays. */
  TooDeep: 'tooDeep',
  /** Anything else. */
  Invalid: 'invalid',
} as const;
export type FieldErrorCode = (typeof FieldErrorCode)[keyof typeof FieldErrorCode];

export interface FieldError {
  /** The path of the field in the body or query, e.g. `email` or `items.0.text`; empty for the whole input. */
  field: string;
  code: FieldErrorCode;
  params?: Record<string, string | number>;
}
