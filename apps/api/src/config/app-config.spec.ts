import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({ PORT: 3000, AUTH_RATE_LIMIT_PER_MINUTE: 60, ACCESS_TOKEN_TTL_SECONDS: 900, TRUST_PROXY: false });
    expect(c.DEMO_SEED).toBeUndefined();
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
  ])('refuses %s, naming the variable', (_label, env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });
});
