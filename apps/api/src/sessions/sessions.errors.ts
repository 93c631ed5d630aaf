import type { Modality } from '@pm/contracts';
import { DomainError, ErrorCode } from '@api/common/domain-error';

// A session the caller does not take part in answers exactly like one that does not exist.
export const sessionNotFound = (): DomainError => new DomainError(ErrorCode.SessionNotFound, 'Session not found');
export const endNotAfterStart = (): DomainError => new DomainError(ErrorCode.InvalidSessionTimes, 'endsAt must be after startsAt');
export const sessionTooLong = (maxMinutes: number): DomainError =>
  new DomainError(ErrorCode.InvalidSessionTimes, `A session lasts at most ${maxMinutes / 60} hours`);
export const sessionInPast = (): DomainError => new DomainError(ErrorCode.SessionInPast, 'A session must start in the future');
export const sessionCancelled = (): DomainError => new DomainError(ErrorCode.SessionCancelled, 'This session was cancelled');
export const sessionStarted = (): DomainError => new DomainError(ErrorCode.SessionStarted, 'This session has already started; it can no longer change');
export const sessionNotStarted = (): DomainError => new DomainError(ErrorCode.SessionNotStarted, 'Attendance can be marked once the session has begun');
export const sessionFull = (seats: number): DomainError => new DomainError(ErrorCode.SessionFull, `All ${seats} seats of this group session are taken`);
export const notAGroupSession = (): DomainError => new DomainError(ErrorCode.NotAGroupSession, 'Only group sessions can be joined or left');
export const invalidGroup = (why: string): DomainError => new DomainError(ErrorCode.InvalidGroup, why);
export const notAnAttendee = (menteeId: string): DomainError => new DomainError(ErrorCode.NotAnAttendee, `${menteeId} is not a mentee attending this session`);
export const invalidTimeZone = (field: string): DomainError => new DomainError(ErrorCode.InvalidTimeZone, `${field} must be an IANA time zone such as Europe/Berlin`);
export const invalidAvailability = (why: string): DomainError => new DomainError(ErrorCode.InvalidAvailability, why);
export const invalidSlotQuery = (why: string): DomainError => new DomainError(ErrorCode.InvalidSlotQuery, why);
export const locationOnlyInPerson = (): DomainError => new DomainError(ErrorCode.InvalidSessionUpdate, 'location applies to in_person sessions only');
export const invalidUpdate = (why: string): DomainError => new DomainError(ErrorCode.InvalidSessionUpdate, why);

export const outsideAvailability = (when: { startsAt: string; endsAt: string }): DomainError =>
  new DomainError(ErrorCode.OutsideAvailability, `The mentor is not available from ${when.startsAt} to ${when.endsAt}; pick one of their open slots`, undefined, {
    requested: when,
  });

/**
 * Names the clashing session, its time and whose it is from the caller's side (`you`: their own; `other`: the
 * other person's), in a `conflict` field the dashboard turns into a sentence in the reader's language and time
 * zone. Without a clash found (a race), just the code.
 */
export const sessionConflict = (clash?: { startsAt: string; endsAt: string; who: 'you' | 'other' }, buffer?: number): DomainError => {
  const whom = clash === undefined ? 'A participant already has' : clash.who === 'you' ? 'You already have' : 'The other person already has';
  const message = clash
    ? `${whom} a session from ${clash.startsAt} to ${clash.endsAt}${buffer ? ` (with ${buffer} minutes kept free around it)` : ''}`
    : `${whom} a session at that time`;
  return new DomainError(ErrorCode.SessionConflict, message, undefined, clash ? { conflict: clash, ...(buffer ? { bufferMinutes: buffer } : {}) } : undefined);
};

export const modalityNotShared = (asked: Modality, shared: readonly Modality[]): DomainError =>
  new DomainError(
    ErrorCode.ModalityNotShared,
    shared.length === 0 ? `The pair share no way to meet; ${asked} is not possible` : `Both can only meet ${shared.join(' or ')}, not ${asked}`,
    undefined,
    { sharedModalities: shared },
  );
