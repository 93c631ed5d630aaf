import type { TFunction } from 'i18next';
import { MATCH_RULES, type FieldError, type MatchRule } from '@pm/contracts';
import { isErrorCode, isFieldErrorCode, isLabelledField } from '@web/i18n/messages';
import { isApiError } from './api-error';

const isMatchRule = (rule: string | undefined): rule is MatchRule => rule !== undefined && (MATCH_RULES as readonly string[]).includes(rule);

/** A refused match names the rule it broke, with the numbers that broke it, so the coordinator knows what to change. */
function describeMatchRule(rule: MatchRule, details: Readonly<Record<string, unknown>>, t: TFunction): string {
  switch (rule) {
    case 'year': {
      const mentorYear = details['mentorYear'];
      const menteeYear = details['menteeYear'];
      return typeof mentorYear === 'number' && typeof menteeYear === 'number' ? t('matchRules.year', { mentorYear, menteeYear }) : t('matchRules.yearUnknown');
    }
    case 'capacity':
      return t('matchRules.capacity', { count: typeof details['capacity'] === 'number' ? details['capacity'] : 0 });
    case 'modality':
    case 'already_matched':
    case 'excluded':
      return t(`matchRules.${rule}`);
  }
}

/** The field's label in the reader's language: `items.0.text` is labelled as `text`; unknown names are quoted as sent. */
function fieldLabel(path: string, t: TFunction): string {
  if (path === '') return t('fieldErrors.wholeRequest');
  const name = path.split('.').filter((segment) => !/^\d+$/.test(segment)).at(-1) ?? path;
  return isLabelledField(name) ? t(`fieldErrors.field.${name}`) : t('fieldErrors.unnamed', { name: path });
}

/** What is wrong with one field, without its label (for a message shown next to the field itself). */
export function describeFieldProblem(error: FieldError, t: TFunction): string {
  if (!isFieldErrorCode(error.code)) return t('fieldErrors.code.invalid');
  return t(`fieldErrors.code.${error.code}`, { ...error.params });
}

/** One sentence per field the API refused, in the reader's language: "Email: must be a valid email address." */
export function describeFieldErrors(fields: readonly FieldError[], t: TFunction): string[] {
  return fields.map((f) => t('fieldErrors.line', { field: fieldLabel(f.field, t), problem: describeFieldProblem(f, t) }));
}

/**
 * The sentence to show for a failed request, in the reader's language. A refused input lists each field's
 * problem (the API sends them as codes, `fields`); known codes are translated (every code has a message:
 * see i18n/messages.ts); anything else shows the API's own message, written for people, rather than a
 * generic apology.
 */
export function describeError(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.statusCode === 429 && error.retryAfterSeconds !== undefined) {
      return t('errors.tooManyAttempts', { count: error.retryAfterSeconds });
    }
    if (error.fields.length > 0) return describeFieldErrors(error.fields, t).join(' ');
    if (isMatchRule(error.rule)) return describeMatchRule(error.rule, error.details, t);
    if (isErrorCode(error.code)) return t(`errors.code.${error.code}`);
    return error.message || t('errors.unexpected');
  }
  // fetch rejects with a TypeError when the network or the server is unreachable.
  if (error instanceof TypeError) return t('errors.network');
  return t('errors.unexpected');
}
