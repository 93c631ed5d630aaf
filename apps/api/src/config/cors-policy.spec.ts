import type { IncomingMessage } from 'node:http';
import { CorsPolicy } from './cors-policy';

const request = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;
const policy = (o: Partial<{ CORS_ORIGINS: string[]; PUBLIC_URL: string; TRUST_PROXY: boolean }> = {}): CorsPolicy =>
  new CorsPolicy({ CORS_ORIGINS: [], TRUST_PROXY: false, ...o });

describe('CorsPolicy', () => {
  it('sends no CORS headers at all by default', () => {
    expect(policy().http()).toBeUndefined();
    expect(policy().socketIo()).not.toHaveProperty('cors');
  });

  it('lists exactly the configured origins, without credentials', () => {
    const http = policy({ CORS_ORIGINS: ['https://a.example'] }).http();
    expect(http).toMatchObject({ origin: ['https://a.example'], credentials: false, allowedHeaders: 'Authorization,Content-Type' });
    expect(policy({ CORS_ORIGINS: ['https://a.example'] }).socketIo().cors).toMatchObject({ origin: ['https://a.example'] });
  });

  it.each([
    ['a client that is not a browser (no Origin)', {}, {}, true],
    ['the page the API served (same host)', { origin: 'http://api.example:3000', host: 'api.example:3000' }, {}, true],
    ['a listed origin', { origin: 'https://a.example', host: 'api.example' }, { CORS_ORIGINS: ['https://a.example'] }, true],
    ['PUBLIC_URL', { origin: 'https://mentoring.example', host: 'internal:3000' }, { PUBLIC_URL: 'https://mentoring.example' }, true],
    ['the forwarded host behind a trusted proxy', { origin: 'https://mentoring.example', host: 'api:3000', 'x-forwarded-host': 'mentoring.example' }, { TRUST_PROXY: true }, true],
    ['a foreign page', { origin: 'https://evil.example', host: 'api.example' }, {}, false],
    ['a forwarded host without TRUST_PROXY', { origin: 'https://evil.example', host: 'api:3000', 'x-forwarded-host': 'evil.example' }, {}, false],
    ['an opaque origin', { origin: 'null', host: 'api.example' }, {}, false],
  ])('socket handshake from %s: %p', (_label, headers, config, allowed) => {
    expect(policy(config).socketOriginAllowed(request(headers))).toBe(allowed);
  });
});
