/**
 * Every domain error code of the API. Each domain folder raises its own codes through a small factory in its
 * `*.errors.ts`; the one exception filter maps codes to HTTP statuses with an exhaustive switch, so adding a
 * code without choosing its status does not compile.
 */
export const ErrorCode = {
  // auth
  EmailTaken: 'EMAIL_TAKEN',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  InvalidRefreshToken: 'INVALID_REFRESH_TOKEN',
  Unauthenticated: 'UNAUTHENTICATED',
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  // access
  Forbidden: 'FORBIDDEN',
  // users
  NotAStudent: 'NOT_A_STUDENT',
  UserNotFound: 'USER_NOT_FOUND',
  NotStaff: 'NOT_STAFF',
  // programs
  ProgramNotFound: 'PROGRAM_NOT_FOUND',
  InvalidDateRange: 'INVALID_DATE_RANGE',
  AlreadyEnrolled: 'ALREADY_ENROLLED',
  AlreadyCoordinator: 'ALREADY_COORDINATOR',
  CapacityOnlyForMentors: 'CAPACITY_ONLY_FOR_MENTORS',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Seconds a client should wait before trying again (429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}
