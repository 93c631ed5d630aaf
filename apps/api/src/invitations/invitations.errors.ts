import { DomainError, ErrorCode } from '@api/common/domain-error';

// Spent, expired, replaced and unknown links answer alike: a link reveals nothing about the others.
export const invitationNotFound = (): DomainError =>
  new DomainError(ErrorCode.InvitationNotFound, 'This invitation link is not valid: it was used, it expired or a newer one replaced it');
export const joinCodeNotFound = (): DomainError => new DomainError(ErrorCode.JoinCodeNotFound, 'No such join code, or it was revoked');
