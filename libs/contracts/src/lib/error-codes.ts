/**
 * Every domain error code of the API, in one union shared by the API and the dashboard. Each API domain raises
 * its codes through a small factory in its `*.errors.ts`; the API's exception filter maps each code to an HTTP
 * status with an exhaustive switch, and the dashboard keeps a message per code and language, so a code
 * without a status or without a translation does not compile. Add a domain's codes under a comment naming it.
 */
export const ErrorCode = {
  // auth
  EmailTaken: 'EMAIL_TAKEN',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  InvalidRefreshToken: 'INVALID_REFRESH_TOKEN',
  Unauthenticated: 'UNAUTHENTICATED',
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  CurrentPasswordIncorrect: 'CURRENT_PASSWORD_INCORRECT',
  AccountDeactivated: 'ACCOUNT_DEACTIVATED',
  // access
  Forbidden: 'FORBIDDEN',
  // users
  NotAStudent: 'NOT_A_STUDENT',
  UserNotFound: 'USER_NOT_FOUND',
  NotStaff: 'NOT_STAFF',
  CannotDeactivateSelf: 'CANNOT_DEACTIVATE_SELF',
  AccountNotFound: 'ACCOUNT_NOT_FOUND',
  // programs
  ProgramNotFound: 'PROGRAM_NOT_FOUND',
  InvalidDateRange: 'INVALID_DATE_RANGE',
  AlreadyEnrolled: 'ALREADY_ENROLLED',
  AlreadyCoordinator: 'ALREADY_COORDINATOR',
  CapacityOnlyForMentors: 'CAPACITY_ONLY_FOR_MENTORS',
  ProgramClosed: 'PROGRAM_CLOSED',
  // matching
  MatchingRunNotFound: 'MATCHING_RUN_NOT_FOUND',
  RunAlreadyCommitted: 'RUN_ALREADY_COMMITTED',
  RunStale: 'RUN_STALE',
  MentorFull: 'MENTOR_FULL',
  MenteeAlreadyMatched: 'MENTEE_ALREADY_MATCHED',
  NotEligible: 'NOT_ELIGIBLE',
  NotEnrolledAs: 'NOT_ENROLLED_AS',
  InvalidRanking: 'INVALID_RANKING',
  MentorshipNotFound: 'MENTORSHIP_NOT_FOUND',
  MentorshipEnded: 'MENTORSHIP_ENDED',
  ExclusionNotFound: 'EXCLUSION_NOT_FOUND',
  PairExcluded: 'PAIR_EXCLUDED',
  // outcomes
  ImportRejected: 'IMPORT_REJECTED',
  SurveyAlreadyAnswered: 'SURVEY_ALREADY_ANSWERED',
  InvalidSurveyAnswers: 'INVALID_SURVEY_ANSWERS',
  // sessions
  SessionNotFound: 'SESSION_NOT_FOUND',
  SessionConflict: 'SESSION_CONFLICT',
  OutsideAvailability: 'OUTSIDE_AVAILABILITY',
  InvalidSessionTimes: 'INVALID_SESSION_TIMES',
  SessionInPast: 'SESSION_IN_PAST',
  SessionCancelled: 'SESSION_CANCELLED',
  SessionStarted: 'SESSION_STARTED',
  SessionNotStarted: 'SESSION_NOT_STARTED',
  SessionFull: 'SESSION_FULL',
  NotAGroupSession: 'NOT_A_GROUP_SESSION',
  InvalidGroup: 'INVALID_GROUP',
  NotAnAttendee: 'NOT_AN_ATTENDEE',
  InvalidTimeZone: 'INVALID_TIME_ZONE',
  InvalidAvailability: 'INVALID_AVAILABILITY',
  InvalidSlotQuery: 'INVALID_SLOT_QUERY',
  CalendarFeedNotFound: 'CALENDAR_FEED_NOT_FOUND',
  InvalidSessionUpdate: 'INVALID_SESSION_UPDATE',
  // chat
  ConversationNotFound: 'CONVERSATION_NOT_FOUND',
  ConversationReadOnly: 'CONVERSATION_READ_ONLY',
  ChatInvalidPayload: 'INVALID_PAYLOAD',
  EmptyMessage: 'EMPTY_MESSAGE',
  MessageTooLong: 'MESSAGE_TOO_LONG',
  MessageNotFound: 'MESSAGE_NOT_FOUND',
  InvalidMessageCursor: 'INVALID_MESSAGE_CURSOR',
  ChatRateLimited: 'RATE_LIMITED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

