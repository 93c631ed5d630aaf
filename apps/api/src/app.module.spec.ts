import { safeUrl } from './app.module';

describe('safeUrl', () => {
  it('masks calendar feed tokens in logged URLs', () => {
    expect(safeUrl('/api/calendar/abc123secret.ics?x=1')).toBe('/api/calendar/[redacted]?x=1');
    expect(safeUrl('/api/programs/1')).toBe('/api/programs/1');
  });
});
