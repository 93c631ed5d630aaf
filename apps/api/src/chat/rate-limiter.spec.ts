import { TokenBucket } from './rate-limiter';

describe('TokenBucket', () => {
  it('allows a burst, then one event per 1/rate seconds', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([0, 0, 0]);
    expect(bucket.take(0)).toBe(100);
    expect(bucket.take(50)).toBe(50);
    expect(bucket.take(100)).toBe(0);
    expect(bucket.take(100)).toBe(100);
  });

  it('refills up to the burst and no further', () => {
    const bucket = new TokenBucket(10, 3, 0);
    for (let i = 0; i < 3; i++) bucket.take(0);
    const later = 60_000;
    expect([bucket.take(later), bucket.take(later), bucket.take(later)]).toEqual([0, 0, 0]);
    expect(bucket.take(later)).toBeGreaterThan(0);
  });

  it('never counts time backwards and always asks for a positive wait when refusing', () => {
    const bucket = new TokenBucket(1000, 1, 1000);
    expect(bucket.take(1000)).toBe(0);
    expect(bucket.take(500)).toBeGreaterThanOrEqual(1);
  });
});
