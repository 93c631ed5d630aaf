import { ErrorCode } from './domain-error';
import { statusForCode } from './error-status';

describe('statusForCode', () => {
  // DATABASE_UNAVAILABLE is the one code for the server's own trouble: a 503, which clients retry.
  it.each(Object.values(ErrorCode).filter((c) => c !== ErrorCode.DatabaseUnavailable))('maps %s to a 4xx, never a 5xx', (code) => {
    const status = statusForCode(code);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it('maps conflicts, credentials and hidden programs as the contract says', () => {
    expect(statusForCode(ErrorCode.EmailTaken)).toBe(409);
    expect(statusForCode(ErrorCode.InvalidCredentials)).toBe(401);
    expect(statusForCode(ErrorCode.ProgramNotFound)).toBe(404);
    expect(statusForCode(ErrorCode.TooManyAttempts)).toBe(429);
    expect(statusForCode(ErrorCode.DatabaseUnavailable)).toBe(503);
    expect(statusForCode(ErrorCode.BodyTooLarge)).toBe(413);
    expect(statusForCode(ErrorCode.UnsupportedBodyEncoding)).toBe(415);
  });
});
