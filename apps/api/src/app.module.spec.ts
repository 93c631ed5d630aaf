import { safeUrl } from './app.module';

describe('safeUrl', () => {
  it('masks calendar feed tokens in logged URLs', () => {
    expect(safeUrl('/api/calendar/abc123secret.ics?x=1')).toBe('/api/calendar/[redacted]?x=1');
    expect(safeUrl('/api/programs/1')).toBe('/api/programs/1');
  });

  it('masks invitation tokens, join codes and the school sign-in’s code and state', () => {
    expect(safeUrl('/api/auth/invitations/abcSECRET')).toBe('/api/auth/invitations/[redacted]');
    expect(safeUrl('/api/auth/invitations/accept')).toBe('/api/auth/invitations/accept');
    expect(safeUrl('/api/join-codes/ABCDEFGH')).toBe('/api/join-codes/[redacted]');
    expect(safeUrl('/api/auth/oidc/callback?code=c0de&state=st4te&iss=x')).toBe('/api/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=x');
    expect(safeUrl('/api/auth/oidc/start?invitation=tok')).toBe('/api/auth/oidc/start?invitation=[redacted]');
  });
});
