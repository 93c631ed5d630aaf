import { DomainError, ErrorCode } from '@api/common/domain-error';

export const userNotFound = (field = 'userId'): DomainError => new DomainError(ErrorCode.UserNotFound, `${field} does not name an existing user`);
export const notAStudent = (): DomainError => new DomainError(ErrorCode.NotAStudent, 'Only student accounts can be enrolled as mentors or mentees');
export const notStaff = (): DomainError => new DomainError(ErrorCode.NotStaff, 'Only coordinator or admin accounts can coordinate a program');
export const accountNotFound = (): DomainError => new DomainError(ErrorCode.AccountNotFound, 'No account has this id');
export const cannotDeactivateSelf = (): DomainError =>
  new DomainError(ErrorCode.CannotDeactivateSelf, 'An admin cannot deactivate their own account; ask another admin');
