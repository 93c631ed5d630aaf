import { DomainError, ErrorCode } from '@api/common/domain-error';

// Unknown, malformed and revoked tokens answer alike, so a feed address reveals nothing about others.
export const calendarFeedNotFound = (): DomainError => new DomainError(ErrorCode.CalendarFeedNotFound, 'Calendar feed not found');
export const untrustedHost = (host: string): DomainError =>
  new DomainError(ErrorCode.UntrustedHost, `The Host ${JSON.stringify(host)} is not one of this server's names: set PUBLIC_URL, or add it to TRUSTED_HOSTS`);
