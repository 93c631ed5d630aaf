import { DomainError, ErrorCode } from '@api/common/domain-error';

// A program the caller may not see answers exactly like one that does not exist: no existence leak.
export const programNotFound = (): DomainError => new DomainError(ErrorCode.ProgramNotFound, 'Program not found');
export const invalidDateRange = (): DomainError => new DomainError(ErrorCode.InvalidDateRange, 'endsOn must be on or after startsOn');
export const alreadyEnrolled = (): DomainError => new DomainError(ErrorCode.AlreadyEnrolled, 'This student is already enrolled in the program');
export const alreadyCoordinator = (): DomainError => new DomainError(ErrorCode.AlreadyCoordinator, 'This user already coordinates the program');
export const capacityOnlyForMentors = (): DomainError => new DomainError(ErrorCode.CapacityOnlyForMentors, 'capacity applies to mentors only');
export const enrollmentNotFound = (): DomainError => new DomainError(ErrorCode.EnrollmentNotFound, 'Enrolment not found');
export const enrollmentHasActiveMentorship = (): DomainError =>
  new DomainError(ErrorCode.EnrollmentHasActiveMentorship, 'This student is in an active mentorship of the program; end it first, then remove the enrolment');
export const capacityBelowLoad = (active: number): DomainError =>
  new DomainError(ErrorCode.CapacityBelowLoad, `This mentor has ${active} active mentee(s); the capacity cannot be lower`, undefined, { active });
export const programIsClosed = (): DomainError => new DomainError(ErrorCode.ProgramClosed, 'The program is closed; nothing in it can change any more');
export const closeConfirmationMismatch = (): DomainError =>
  new DomainError(ErrorCode.CloseConfirmationMismatch, 'confirmName must be the program name exactly as it is shown');
