import { DomainError, ErrorCode } from '@api/common/domain-error';

export const allocationExists = (): DomainError =>
  new DomainError(ErrorCode.AllocationExists, 'This program already has a lottery; it is drawn once, so that it cannot be drawn again until it pleases');
export const allocationAfterMatching = (): DomainError => new DomainError(ErrorCode.AllocationAfterMatching, 'The lottery must come before matching: this program already has mentorships');
export const allocationNotNeeded = (mentees: number, places: number): DomainError =>
  new DomainError(ErrorCode.AllocationNotNeeded, `There are ${mentees} mentee(s) and ${places} place(s): everyone can be offered a place, no lottery is needed`);
export const allocationNotFound = (): DomainError => new DomainError(ErrorCode.AllocationNotFound, 'Allocation not found');
export const menteeWaitlisted = (): DomainError =>
  new DomainError(ErrorCode.MenteeWaitlisted, "This mentee was not offered a place in the program's lottery (waitlisted or not in the draw), so cannot be matched in it");
export const followOnSameProgram = (): DomainError => new DomainError(ErrorCode.FollowOnSameProgram, 'The follow-on program must be another program');
