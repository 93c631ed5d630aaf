import { DomainError, ErrorCode } from '@api/common/domain-error';

export const oidcNotConfigured = (): DomainError => new DomainError(ErrorCode.OidcNotConfigured, 'Signing in with the school account is not configured');
// One sentence for a wrong or replayed state, a wrong nonce, a refused code and a spent hand-off: nothing to probe.
export const oidcSignInFailed = (): DomainError => new DomainError(ErrorCode.OidcSignInFailed, 'The school sign-in did not complete; start it again');
export const oidcEmailNotVerified = (): DomainError =>
  new DomainError(ErrorCode.OidcEmailNotVerified, 'The school account did not confirm its email address, so it cannot be linked to an account here');
export const oidcIdentityInUse = (): DomainError => new DomainError(ErrorCode.OidcIdentityInUse, 'This school account is already linked to another account');
