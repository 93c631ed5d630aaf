import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, ErrorCode } from './domain-error';

/** The one place where domain error codes become HTTP statuses. */
export function statusForCode(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.EmailTaken:
    case ErrorCode.AlreadyEnrolled:
    case ErrorCode.AlreadyCoordinator:
    case ErrorCode.ProgramClosed:
    case ErrorCode.RunAlreadyCommitted:
    case ErrorCode.RunStale:
    case ErrorCode.MentorFull:
    case ErrorCode.MenteeAlreadyMatched:
    case ErrorCode.MentorshipEnded:
    case ErrorCode.SurveyAlreadyAnswered:
      return HttpStatus.CONFLICT;
    case ErrorCode.InvalidCredentials:
    case ErrorCode.InvalidRefreshToken:
    case ErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.TooManyAttempts:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.Forbidden:
    case ErrorCode.CurrentPasswordIncorrect:
    case ErrorCode.AccountDeactivated:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.ProgramNotFound:
    case ErrorCode.AccountNotFound:
    case ErrorCode.MatchingRunNotFound:
    case ErrorCode.MentorshipNotFound:
    case ErrorCode.ExclusionNotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.NotAStudent:
    case ErrorCode.UserNotFound:
    case ErrorCode.NotStaff:
    case ErrorCode.CannotDeactivateSelf:
    case ErrorCode.InvalidDateRange:
    case ErrorCode.CapacityOnlyForMentors:
    case ErrorCode.NotEligible:
    case ErrorCode.NotEnrolledAs:
    case ErrorCode.InvalidRanking:
    case ErrorCode.PairExcluded:
    case ErrorCode.InvalidSurveyAnswers:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.ImportRejected:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    // sessions
    case ErrorCode.SessionConflict:
    case ErrorCode.OutsideAvailability:
    case ErrorCode.SessionCancelled:
    case ErrorCode.SessionStarted:
    case ErrorCode.SessionNotStarted:
    case ErrorCode.SessionFull:
      return HttpStatus.CONFLICT;
    case ErrorCode.SessionNotFound:
    case ErrorCode.CalendarFeedNotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.InvalidSessionTimes:
    case ErrorCode.SessionInPast:
    case ErrorCode.NotAGroupSession:
    case ErrorCode.InvalidGroup:
    case ErrorCode.NotAnAttendee:
    case ErrorCode.InvalidTimeZone:
    case ErrorCode.InvalidAvailability:
    case ErrorCode.InvalidSlotQuery:
    case ErrorCode.InvalidSessionUpdate:
      return HttpStatus.BAD_REQUEST;
    // chat
    case ErrorCode.ConversationNotFound:
    case ErrorCode.MessageNotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.ConversationReadOnly:
      return HttpStatus.CONFLICT;
    case ErrorCode.ChatInvalidPayload:
    case ErrorCode.EmptyMessage:
    case ErrorCode.MessageTooLong:
    case ErrorCode.InvalidMessageCursor:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.ChatRateLimited:
      return HttpStatus.TOO_MANY_REQUESTS;
    default:
      return assertUnreachable(code);
  }
}
