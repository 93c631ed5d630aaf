import type { FieldError } from './field-errors';

/** Every error the API answers has this shape, 401 and 404 included. */
export interface ApiErrorBody {
  statusCode: number;
  /** The HTTP reason phrase, e.g. "Conflict". */
  error: string;
  /** A sentence for people; for validation errors, one sentence per offending field. */
  message: string | string[];
  /** A stable machine-readable code for domain errors, e.g. "EMAIL_TAKEN". */
  code?: string;
  /** Validation errors (400, code VALIDATION_FAILED): one entry per problem, as codes to translate. */
  fields?: FieldError[];
  /** Import errors (422): every bad line of the file. */
  rejected?: Array<{ line: number; error: string }>;
  /** A refused manual match: the hard rule it broke (see MatchRule in matching.ts). */
  rule?: string;
  /**
   * A refused booking or move (409 SESSION_CONFLICT): the session in the way, and whose it is — the caller's
   * own (`you`) or the other person's (`other`).
   */
  conflict?: { startsAt: string; endsAt: string; who: 'you' | 'other' };
}
