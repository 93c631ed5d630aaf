import { LoginAttempts } from './login-attempts';

describe('LoginAttempts', () => {
  let now = 0;
  const make = (): LoginAttempts => new LoginAttempts(3, 60, 15 * 60_000, 1000, () => now);
  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets the first failures through without delay', () => {
    const a = make();
    for (let i = 0; i < 3; i++) a.recordFailure('x');
    expect(a.retryAfter('x')).toBe(0);
  });

  it('doubles the wait after the free failures, up to the cap', () => {
    const a = make();
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      a.recordFailure('x');
      waits.push(a.retryAfter('x'));
    }
    expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 60]);
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
    expect(a.retryAfter('c')).toBe(1);
  });
});
