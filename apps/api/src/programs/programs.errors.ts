import { DomainError, ErrorCode } from '@api/common/domain-error';

// A program the caller may not see answers exactly like one that does not exist: no existence leak.
export const programNotFound = (): DomainError => new DomainError(ErrorCode.ProgramNotFound, 'Program not found');
export const invalidDateRange = (): DomainError => new DomainError(ErrorCode.InvalidDateRange, 'endsOn must be on or after startsOn');
export const alreadyEnrolled = (): DomainError => new DomainError(ErrorCode.AlreadyEnrolled, 'This student is already enrolled in the program');
export const alreadyCoordinator = (): DomainError => new DomainError(ErrorCode.AlreadyCoordinator, 'This user already coordinates the program');
export const capacityOnlyForMentors = (): DomainError => new DomainError(ErrorCode.CapacityOnlyForMentors, 'capacity applies to mentors only');
