import { LoginAttempts } from './login-attempts';

describe('LoginAttempts', () => {
  let now = 0;
  const make = (): LoginAttempts => new LoginAttempts(3, 60, 15 * 60_000, 1000, () => now);
  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets the free failures but the last through without delay', () => {
    const a = make();
    for (let i = 0; i < 2; i++) a.recordFailure('x');
    expect(a.retryAfter('x')).toBe(0);
  });

  it('makes the attempt after the last free failure wait, then doubles the wait up to the cap', () => {
    const a = make();
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      a.recordFailure('x');
      waits.push(a.retryAfter('x'));
    }
    expect(waits).toEqual([0, 0, 1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('as README says: after five failures in a row, the sixth attempt waits (the default)', () => {
    const a = new LoginAttempts(undefined, undefined, undefined, undefined, () => now);
    for (let i = 0; i < 4; i++) a.recordFailure('x');
    expect(a.retryAfter('x')).toBe(0);
    a.recordFailure('x');
    expect(a.retryAfter('x')).toBe(1);
  });

  it('clears on success and forgets after the window', () => {
    const a = make();
    for (let i = 0; i < 5; i++) a.recordFailure('x');
    a.recordSuccess('x');
    expect(a.retryAfter('x')).toBe(0);
    for (let i = 0; i < 5; i++) a.recordFailure('y');
    now += 16 * 60_000;
    expect(a.retryAfter('y')).toBe(0);
  });

  it('keeps accounts apart and stays bounded', () => {
    const a = new LoginAttempts(0, 60, 60_000, 2, () => now);
    a.recordFailure('a');
    a.recordFailure('b');
    a.recordFailure('c');
    expect(a.retryAfter('a')).toBe(0); // evicted as the oldest
    expect(a.retryAfter('c')).toBe(2);
  });
});
