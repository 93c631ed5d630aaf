/**
 * Slows down guessing against one account, wherever the guesses come from: once `freeFailures` sign-ins in a
 * row have failed, each further attempt must wait an interval (1 s, then doubling up to `maxDelaySeconds`).
 * Keyed by the normalised email whether or not an account exists, so the delay says nothing about accounts.
 * Kept in memory: each replica slows independently, which still bounds guesses per replica.
 */
export class LoginAttempts {
  private readonly failures = new Map<string, { count: number; lockedUntil: number; lastAt: number }>();

  constructor(
    private readonly freeFailures = 5,
    private readonly maxDelaySeconds = 300,
    private readonly forgetAfterMs = 15 * 60_000,
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds the caller must still wait before trying this account, or 0. */
  retryAfter(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const t = this.now();
    if (t - entry.lastAt > this.forgetAfterMs) {
      this.failures.delete(key);
      return 0;
    }
    return entry.lockedUntil > t ? Math.ceil((entry.lockedUntil - t) / 1000) : 0;
  }

  recordFailure(key: string): void {
    const t = this.now();
    const previous = this.failures.get(key);
    const count = previous && t - previous.lastAt <= this.forgetAfterMs ? previous.count + 1 : 1;
    // The wait starts with the failure that uses up the free ones: after the fifth, the sixth attempt waits 1 s,
    // then 2, 4, … (it once started one failure late, so a sixth guess went through at once).
    const over = count - this.freeFailures + 1;
    const lockedUntil = over > 0 ? t + Math.min(2 ** (over - 1), this.maxDelaySeconds) * 1000 : 0;
    this.failures.delete(key); // re-insert so Map order stays least-recently-failed first
    this.failures.set(key, { count, lockedUntil, lastAt: t });
    if (this.failures.size > this.maxEntries) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }
}
