import { ConfigError, loadConfig } from '@api/config/app-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

describe('scheduling configuration', () => {
  it('defaults MEETING_BASE_URL to a Jitsi server and leaves PUBLIC_URL unset', () => {
    const c = loadConfig(base);
    expect(c.MEETING_BASE_URL).toBe('https://meet.jit.si/');
    expect(c.PUBLIC_URL).toBeUndefined();
  });

  it('accepts a school’s own servers', () => {
    const c = loadConfig({ ...base, MEETING_BASE_URL: 'https://video.school.example/rooms/', PUBLIC_URL: 'https://mentoring.school.example' });
    expect(c).toMatchObject({ MEETING_BASE_URL: 'https://video.school.example/rooms/', PUBLIC_URL: 'https://mentoring.school.example' });
  });

  it.each([
    ['MEETING_BASE_URL', 'meet.jit.si'],
    ['MEETING_BASE_URL', 'ftp://meet.example/'],
    ['PUBLIC_URL', 'mentoring.school.example'],
  ])('refuses %s=%s at start-up, naming it', (variable, value) => {
    expect(() => loadConfig({ ...base, [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [variable]: value })).toThrow(variable);
  });
});
