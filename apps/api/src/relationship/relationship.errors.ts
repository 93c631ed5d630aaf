import { DomainError, ErrorCode } from '@api/common/domain-error';

export const agreementEmpty = (): DomainError => new DomainError(ErrorCode.AgreementEmpty, 'Save at least one goal and the meetings per month before signing');
export const agreementChanged = (current: number): DomainError =>
  new DomainError(ErrorCode.AgreementChanged, `The agreement changed (now version ${current}); read it again before signing`, undefined, { version: current });
export const goalNotFound = (): DomainError => new DomainError(ErrorCode.GoalNotFound, 'This goal is not part of the agreement');
export const unknownGoal = (): DomainError => new DomainError(ErrorCode.UnknownGoal, 'goalId must be one of the goals of the pair’s agreement');
export const referralNotFound = (): DomainError => new DomainError(ErrorCode.ReferralNotFound, 'Referral not found');
export const referralAlreadyClosed = (): DomainError => new DomainError(ErrorCode.ReferralAlreadyClosed, 'This referral was already closed');
export const certificateNotAvailable = (): DomainError =>
  new DomainError(ErrorCode.CertificateNotAvailable, 'A certificate is issued once the program has ended, to mentors who held at least one session');
export const onlyTheMentee = (): DomainError => new DomainError(ErrorCode.Forbidden, 'Only the mentee answers the check-in');
export const onlyThePair = (): DomainError => new DomainError(ErrorCode.Forbidden, 'Only the mentor and the mentee change their agreement');
export const onlyTheMentor = (): DomainError => new DomainError(ErrorCode.Forbidden, 'Only the session’s mentor logs it');
export const logTooEarly = (): DomainError => new DomainError(ErrorCode.SessionNotStarted, 'A session can be logged once it has begun');
