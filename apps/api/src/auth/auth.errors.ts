import { DomainError, ErrorCode } from '@api/common/domain-error';

// The same sentence for an unknown email and a wrong password, so a sign-in reveals nothing about who has an account.
export const invalidCredentials = (): DomainError => new DomainError(ErrorCode.InvalidCredentials, 'Email or password is incorrect');
export const invalidRefreshToken = (): DomainError =>
  new DomainError(ErrorCode.InvalidRefreshToken, 'The refresh token is invalid, expired or already used; sign in again');
export const unauthenticated = (why = 'Sign in to continue'): DomainError => new DomainError(ErrorCode.Unauthenticated, why);
export const forbidden = (why = 'You are not allowed to do this'): DomainError => new DomainError(ErrorCode.Forbidden, why);
export const emailTaken = (): DomainError => new DomainError(ErrorCode.EmailTaken, 'An account with this email already exists');
export const tooManyAttempts = (retryAfterSeconds: number): DomainError =>
  new DomainError(ErrorCode.TooManyAttempts, `Too many attempts; try again in ${retryAfterSeconds} seconds`, retryAfterSeconds);
export const tooManyAttemptsFromAddress = (retryAfterSeconds: number): DomainError =>
  new DomainError(ErrorCode.TooManyAttempts, `Too many sign-in or registration attempts from this address; try again in ${retryAfterSeconds} seconds`, retryAfterSeconds);
export const currentPasswordIncorrect = (): DomainError => new DomainError(ErrorCode.CurrentPasswordIncorrect, 'The current password is incorrect');
export const accountDeactivated = (): DomainError =>
  new DomainError(ErrorCode.AccountDeactivated, 'This account has been deactivated; ask an administrator to reactivate it');
