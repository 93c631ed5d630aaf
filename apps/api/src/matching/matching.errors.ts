import type { MatchRule } from '@pm/contracts';
import { DomainError, ErrorCode } from '@api/common/domain-error';

/** Names the hard rule a match broke in the error body, so the dashboard says which one (see MatchRule). */
const rule = (name: MatchRule): MatchRule => name;

export const runNotFound = (): DomainError => new DomainError(ErrorCode.MatchingRunNotFound, 'Matching run not found');
export const runAlreadyCommitted = (): DomainError => new DomainError(ErrorCode.RunAlreadyCommitted, 'This matching run was already committed');
export const runStale = (): DomainError =>
  new DomainError(ErrorCode.RunStale, 'Enrolments, profiles, rankings, exclusions or mentorships changed since this preview; run the matching again');
export const mentorFull = (capacity: number): DomainError =>
  new DomainError(ErrorCode.MentorFull, `This mentor already has ${capacity} mentee(s), their capacity`, undefined, { rule: rule('capacity'), capacity });
export const menteeAlreadyMatched = (): DomainError =>
  new DomainError(ErrorCode.MenteeAlreadyMatched, 'This mentee already has a mentor in the program', undefined, { rule: rule('already_matched') });
export const mentorNotSenior = (mentorYear: number | null, menteeYear: number | null): DomainError =>
  new DomainError(
    ErrorCode.NotEligible,
    `This pair breaks a matching rule: the mentor is in year ${mentorYear ?? '?'}, not above the mentee's year ${menteeYear ?? '?'}`,
    undefined,
    { rule: rule('year'), mentorYear, menteeYear },
  );
export const noSharedModality = (): DomainError =>
  new DomainError(ErrorCode.NotEligible, 'This pair breaks a matching rule: they share no modality (in person or virtual)', undefined, { rule: rule('modality') });
export const notEnrolledAs = (field: string, role: string): DomainError => new DomainError(ErrorCode.NotEnrolledAs, `${field} is not a ${role} of this program`);
export const invalidRanking = (why: string): DomainError => new DomainError(ErrorCode.InvalidRanking, why);
export const mentorshipNotFound = (): DomainError => new DomainError(ErrorCode.MentorshipNotFound, 'Mentorship not found');
export const mentorshipEnded = (): DomainError => new DomainError(ErrorCode.MentorshipEnded, 'This mentorship has already ended');
export const exclusionNotFound = (): DomainError => new DomainError(ErrorCode.ExclusionNotFound, 'Exclusion not found');
export const pairExcluded = (): DomainError => new DomainError(ErrorCode.PairExcluded, 'The coordinator excluded this pair', undefined, { rule: rule('excluded') });
export const mentorshipStartInFuture = (today: string): DomainError =>
  new DomainError(ErrorCode.MentorshipStartInFuture, `startedOn must not be after today (${today} in the program's time zone)`, undefined, { today });
export const programClosed = (): DomainError => new DomainError(ErrorCode.ProgramClosed, 'The program has ended; rankings can no longer change');
