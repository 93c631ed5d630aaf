import type { ApiErrorBody, FieldError } from '@pm/contracts';

/**
 * A non-2xx answer from the API. `message` joins the API's sentences so the error reads well anywhere an
 * Error is shown; `messages` keeps them apart for forms that list one per field.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  readonly error: string;
  readonly messages: readonly string[];
  readonly code: string | undefined;
  /** From the Retry-After header of a 429, in seconds. */
  readonly retryAfterSeconds: number | undefined;
  /** A refused import (422): every bad line of the file, so the page can list them all. */
  readonly rejected: ReadonlyArray<{ line: number; error: string }> | undefined;
  /** A refused input (400 VALIDATION_FAILED): each problem as a code with its parameters, to say in the reader's language. */
  readonly fields: readonly FieldError[];
  /** A refused booking (409 SESSION_CONFLICT): the time of the session in the way, and whose it is. */
  readonly conflict: { startsAt: string; endsAt: string; who?: 'you' | 'other' } | undefined;
  /** A refused manual match: the hard rule it broke (`year`, `modality`, `capacity`, `already_matched`, `excluded`). */
  readonly rule: string | undefined;
  /** The body's other fields, e.g. `mentorYear` beside a `year` rule, for the sentence that explains it. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(body: ApiErrorBody, retryAfterSeconds?: number) {
    const messages = Array.isArray(body.message) ? body.message : [body.message];
    super(messages.join(' '));
    this.statusCode = body.statusCode;
    this.error = body.error;
    this.messages = messages;
    this.code = body.code;
    this.retryAfterSeconds = retryAfterSeconds;
    this.rejected = isRejectedList(body.rejected) ? body.rejected : undefined;
    this.fields = Array.isArray(body.fields) ? body.fields.filter(isFieldError) : [];
    const conflict: unknown = (body as ApiErrorBody & { conflict?: unknown }).conflict;
    this.conflict = isTimeRange(conflict) ? conflict : undefined;
    const rule: unknown = (body as ApiErrorBody & { rule?: unknown }).rule;
    this.rule = typeof rule === 'string' ? rule : undefined;
    this.details = body as unknown as Record<string, unknown>;
  }
}

const isRejectedList = (value: unknown): value is Array<{ line: number; error: string }> =>
  Array.isArray(value) &&
  value.every((item: unknown) => {
    if (typeof item !== 'object' || item === null) return false;
    const entry = item as Record<string, unknown>;
    return typeof entry['line'] === 'number' && typeof entry['error'] === 'string';
  });

const isFieldError = (value: unknown): value is FieldError => {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const params = entry['params'];
  return (
    typeof entry['field'] === 'string' &&
    typeof entry['code'] === 'string' &&
    (params === undefined || (typeof params === 'object' && params !== null && Object.values(params).every((p) => typeof p === 'string' || typeof p === 'number')))
  );
};

const isTimeRange = (value: unknown): value is { startsAt: string; endsAt: string; who?: 'you' | 'other' } => {
  if (typeof value !== 'object' || value === null) return false;
  const range = value as Record<string, unknown>;
  const who = range['who'];
  return typeof range['startsAt'] === 'string' && typeof range['endsAt'] === 'string' && (who === undefined || who === 'you' || who === 'other');
};

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

const isErrorBody = (value: unknown): value is ApiErrorBody => {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  const message = body['message'];
  return (
    typeof body['statusCode'] === 'number' &&
    (typeof message === 'string' || (Array.isArray(message) && message.every((m) => typeof m === 'string')))
  );
};

/** Retry-After is either delta-seconds or an HTTP date; the API sends seconds, proxies may send a date. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Builds the ApiError for a failed answer from its parsed body, even when a proxy answered with HTML instead
 * of the API's JSON. Shared by the fetch client and the upload client, which reads the body itself.
 */
export function apiErrorFromBody(parsed: unknown, status: number, statusText: string, retryAfterHeader: string | null): ApiError {
  const retryAfter = parseRetryAfter(retryAfterHeader);
  if (isErrorBody(parsed)) return new ApiError(parsed, retryAfter);
  const reason = statusText || 'Error';
  return new ApiError({ statusCode: status, error: reason, message: reason }, retryAfter);
}

export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = undefined;
  }
  return apiErrorFromBody(parsed, response.status, response.statusText, response.headers.get('Retry-After'));
}
