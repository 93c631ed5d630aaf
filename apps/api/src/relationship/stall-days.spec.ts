import { ConfigError, loadConfig } from '@api/config/app-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

describe('STALL_DAYS', () => {
  it('defaults to 21 and reads an integer', () => {
    expect(loadConfig(base).STALL_DAYS).toBe(21);
    expect(loadConfig({ ...base, STALL_DAYS: '30' }).STALL_DAYS).toBe(30);
  });

  it.each(['0', '366', 'three', '2.5', '-1'])('refuses %s at start-up, naming the variable', (value) => {
    expect(() => loadConfig({ ...base, STALL_DAYS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, STALL_DAYS: value })).toThrow('STALL_DAYS');
  });
});
