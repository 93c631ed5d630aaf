import { DomainError, ErrorCode } from '@api/common/domain-error';

// Unknown, malformed and revoked tokens answer alike, so a feed address reveals nothing about others.
export const calendarFeedNotFound = (): DomainError => new DomainError(ErrorCode.CalendarFeedNotFound, 'Calendar feed not found');
