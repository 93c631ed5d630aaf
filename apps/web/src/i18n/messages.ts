import { ErrorCode, FieldErrorCode } from '@pm/contracts';
import en from './en.json';
import fa from './fa.json';

/**
 * Every error code and every field-error code has a message in every language: the `satisfies` below stop
 * the build when a code is added to libs/contracts (error-codes.ts, field-errors.ts) without its English and
 * Persian sentence (errors.code.<CODE> and fieldErrors.code.<code> in en.json and fa.json). The unit test
 * (messages.spec.ts) checks that none of them is empty.
 */
export const ERROR_MESSAGES = {
  en: en.errors.code satisfies Record<ErrorCode, string>,
  fa: fa.errors.code satisfies Record<ErrorCode, string>,
} as const;

export const FIELD_ERROR_MESSAGES = {
  en: en.fieldErrors.code satisfies Record<FieldErrorCode, string>,
  fa: fa.fieldErrors.code satisfies Record<FieldErrorCode, string>,
} as const;

const ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));
const FIELD_ERROR_CODES: ReadonlySet<string> = new Set(Object.values(FieldErrorCode));

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && ERROR_CODES.has(code);
export const isFieldErrorCode = (code: unknown): code is FieldErrorCode => typeof code === 'string' && FIELD_ERROR_CODES.has(code);

/** Field names with a label of their own in both languages (fieldErrors.field.<name>). */
export type LabelledField = keyof typeof en.fieldErrors.field;
export const isLabelledField = (name: string): name is LabelledField => Object.hasOwn(en.fieldErrors.field, name) && Object.hasOwn(fa.fieldErrors.field, name);
