import { DomainError, ErrorCode } from '@api/common/domain-error';

export const runNotFound = (): DomainError => new DomainError(ErrorCode.MatchingRunNotFound, 'Matching run not found');
export const runAlreadyCommitted = (): DomainError => new DomainError(ErrorCode.RunAlreadyCommitted, 'This matching run was already committed');
export const runStale = (): DomainError =>
  new DomainError(ErrorCode.RunStale, 'Enrolments, profiles, rankings, exclusions or mentorships changed since this preview; run the matching again');
export const mentorFull = (capacity: number): DomainError => new DomainError(ErrorCode.MentorFull, `This mentor already has ${capacity} mentee(s), their capacity`);
export const menteeAlreadyMatched = (): DomainError => new DomainError(ErrorCode.MenteeAlreadyMatched, 'This mentee already has a mentor in the program');
export const notEligible = (why: string): DomainError => new DomainError(ErrorCode.NotEligible, `This pair breaks a matching rule: ${why}`);
export const notEnrolledAs = (field: string, role: string): DomainError => new DomainError(ErrorCode.NotEnrolledAs, `${field} is not a ${role} of this program`);
export const invalidRanking = (why: string): DomainError => new DomainError(ErrorCode.InvalidRanking, why);
export const mentorshipNotFound = (): DomainError => new DomainError(ErrorCode.MentorshipNotFound, 'Mentorship not found');
export const mentorshipEnded = (): DomainError => new DomainError(ErrorCode.MentorshipEnded, 'This mentorship has already ended');
export const exclusionNotFound = (): DomainError => new DomainError(ErrorCode.ExclusionNotFound, 'Exclusion not found');
export const pairExcluded = (): DomainError => new DomainError(ErrorCode.PairExcluded, 'The coordinator excluded this pair');
export const programClosed = (): DomainError => new DomainError(ErrorCode.ProgramClosed, 'The program has ended; rankings can no longer change');
