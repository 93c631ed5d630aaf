import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({ PORT: 3000, AUTH_RATE_LIMIT_PER_MINUTE: 60, ACCESS_TOKEN_TTL_SECONDS: 900, TRUST_PROXY: false });
    expect(c.DEMO_SEED).toBeUndefined();
    expect(c.CORS_ORIGINS).toEqual([]);
    expect(c.SHUTDOWN_TIMEOUT_SECONDS).toBe(25);
  });

  it('reads CORS_ORIGINS as a comma-separated list of origins', () => {
    expect(loadConfig({ ...base, CORS_ORIGINS: 'https://app.example, http://localhost:4200,' }).CORS_ORIGINS).toEqual(['https://app.example', 'http://localhost:4200']);
  });

  it('parses numbers and booleans from strings', () => {
    const c = loadConfig({ ...base, PORT: '8080', DEMO_SEED: 'false', AUTH_RATE_LIMIT_PER_MINUTE: '5' });
    expect(c).toMatchObject({ PORT: 8080, DEMO_SEED: false, AUTH_RATE_LIMIT_PER_MINUTE: 5 });
  });

  it.each([
    ['a missing DATABASE_URL', {}, 'DATABASE_URL'],
    ['a non-numeric PORT', { ...base, PORT: 'eighty' }, 'PORT'],
    ['an invalid DEMO_SEED', { ...base, DEMO_SEED: 'maybe' }, 'DEMO_SEED'],
    ['a short ADMIN_PASSWORD', { ...base, ADMIN_EMAIL: 'a@b.example', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    ['ADMIN_EMAIL without a password', { ...base, ADMIN_EMAIL: 'a@b.example' }, 'ADMIN_PASSWORD'],
    ['a rate limit of 0', { ...base, AUTH_RATE_LIMIT_PER_MINUTE: '0' }, 'AUTH_RATE_LIMIT_PER_MINUTE'],
    ['a CORS origin with a path', { ...base, CORS_ORIGINS: 'https://app.example/dashboard' }, 'CORS_ORIGINS'],
    ['a CORS origin with a trailing slash', { ...base, CORS_ORIGINS: 'https://app.example/' }, 'CORS_ORIGINS'],
    ['a CORS wildcard', { ...base, CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    ['a CORS origin without a scheme', { ...base, CORS_ORIGINS: 'app.example' }, 'CORS_ORIGINS'],
    ['a shutdown timeout of 0', { ...base, SHUTDOWN_TIMEOUT_SECONDS: '0' }, 'SHUTDOWN_TIMEOUT_SECONDS'],
  ])('refuses %s, naming the variable', (_label, env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });
});
