import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { SECURITY_POLICY, staticSecurityHeaders } from './security-headers';

describe('security headers worked out once', () => {
  it('are exactly what helmet sets on a real response', () => {
    const req = new IncomingMessage(new Socket());
    const res = new ServerResponse(req);
    let error: unknown;
    helmet(SECURITY_POLICY)(req, res, (e?: unknown) => (error = e));
    expect(error).toBeUndefined();
    const expected = Object.fromEntries(Object.entries(res.getHeaders()).map(([name, value]) => [name, String(value)]));
    const actual = Object.fromEntries(Object.entries(staticSecurityHeaders()).map(([name, value]) => [name.toLowerCase(), value]));
    expect(actual).toEqual(expected);
    expect(actual['content-security-policy']).toContain("connect-src 'self' ws: wss:");
    expect(actual['x-content-type-options']).toBe('nosniff');
  });
});
