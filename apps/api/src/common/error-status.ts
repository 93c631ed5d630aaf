import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, ErrorCode } from './domain-error';

/** The one place where domain error codes become HTTP statuses. */
export function statusForCode(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.EmailTaken:
    case ErrorCode.AlreadyEnrolled:
    case ErrorCode.AlreadyCoordinator:
      return HttpStatus.CONFLICT;
    case ErrorCode.InvalidCredentials:
    case ErrorCode.InvalidRefreshToken:
    case ErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.TooManyAttempts:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.ProgramNotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.NotAStudent:
    case ErrorCode.UserNotFound:
    case ErrorCode.NotStaff:
    case ErrorCode.InvalidDateRange:
    case ErrorCode.CapacityOnlyForMentors:
      return HttpStatus.BAD_REQUEST;
    default:
      return assertUnreachable(code);
  }
}
