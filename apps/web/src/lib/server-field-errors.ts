import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from './api-error';
import { describeFieldProblem } from './describe-error';

/**
 * Puts each problem the API found with a field of this form next to that field, in the reader's language
 * (the API sends them as codes: `fields`). Problems with fields the form does not show stay in the form's
 * error alert (describeError lists them all). Returns how many were placed.
 */
export function applyServerFieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, formFields: readonly Path<T>[], t: TFunction): number {
  if (!isApiError(error)) return 0;
  let placed = 0;
  for (const problem of error.fields) {
    const top = problem.field.split('.')[0] ?? '';
    const field = formFields.find((name) => name === top);
    if (!field) continue;
    setError(field, { type: 'server', message: describeFieldProblem(problem, t) });
    placed += 1;
  }
  return placed;
}
