import { ErrorCode } from './domain-error';
import { statusForCode } from './error-status';

describe('statusForCode', () => {
  it.each(Object.values(ErrorCode))('maps %s to a 4xx, never a 5xx', (code) => {
    const status = statusForCode(code);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it('maps conflicts, credentials and hidden programs as the contract says', () => {
    expect(statusForCode(ErrorCode.EmailTaken)).toBe(409);
    expect(statusForCode(ErrorCode.InvalidCredentials)).toBe(401);
    expect(statusForCode(ErrorCode.ProgramNotFound)).toBe(404);
    expect(statusForCode(ErrorCode.TooManyAttempts)).toBe(429);
  });
});
