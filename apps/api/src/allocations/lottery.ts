import { createHash } from 'node:crypto';
import type { AllocationOutcome, AllocationStratification } from '@pm/contracts';

/**
 * The lottery, exactly as CONTRACT.md and docs/outcomes.md define it, as a pure function so that anyone can
 * recompute it from the seed and the list of mentees (a spreadsheet with SHA-256, or `sha256sum`, suffices).
 */

export interface LotteryMentee {
  id: string;
  yearOfStudy: number | null;
}

export interface LotteryEntry {
  userId: string;
  outcome: AllocationOutcome;
  /** 1-based position in the order of the mentee's stratum (the whole list when not stratified). */
  rank: number;
  hash: string;
  /** The stratum key: `all`, or the year of study (`year:2`, `year:none`). */
  stratum: string;
}

export interface LotteryResult {
  /** Every mentee, in lottery order: by stratum key, then by hash. */
  entries: LotteryEntry[];
  offered: string[];
  waitlisted: string[];
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of `seed + ":" + key`. */
export function lotteryHash(seed: string, key: string): string {
  return createHash('sha256').update(`${seed}:${key}`, 'utf8').digest('hex');
}

const ascending = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Mentees ordered by the hash of `seed + ":" + userId`, ascending; the first `places` are offered.
 *
 * Stratified by year of study: the mentees are split by year (no year is a stratum of its own). Each stratum s
 * of size n_s gets floor(places * n_s / N) places; the places left over go one each to the strata with the
 * largest remainder (places * n_s mod N), ties broken by the ascending hash of `seed + ":stratum:" + key`
 * (key `2` for year 2, `none` for no year). Within each stratum, the first of the hash order are offered.
 */
export function runLottery(seed: string, places: number, mentees: readonly LotteryMentee[], stratifyBy: AllocationStratification): LotteryResult {
  if (!Number.isInteger(places) || places < 0) throw new RangeError(`places must be a non-negative integer, got ${places}`);
  const hashed = mentees.map((m) => ({ ...m, hash: lotteryHash(seed, m.id) }));
  const strata = new Map<string, typeof hashed>();
  for (const m of hashed) {
    const key = stratifyBy === 'year_of_study' ? (m.yearOfStudy === null ? 'none' : String(m.yearOfStudy)) : 'all';
    const list = strata.get(key) ?? [];
    list.push(m);
    strata.set(key, list);
  }
  const quotas = stratifyBy === 'year_of_study' ? largestRemainder(seed, places, strata) : new Map([['all', places]]);

  const entries: LotteryEntry[] = [];
  const keys = [...strata.keys()].sort(byStratumKey);
  for (const key of keys) {
    const members = (strata.get(key) ?? []).sort((a, b) => ascending(a.hash, b.hash) || ascending(a.id, b.id));
    const quota = quotas.get(key) ?? 0;
    members.forEach((m, i) => {
      entries.push({ userId: m.id, outcome: i < quota ? 'offered' : 'waitlisted', rank: i + 1, hash: m.hash, stratum: stratifyBy === 'year_of_study' ? `year:${key}` : 'all' });
    });
  }
  return {
    entries,
    offered: entries.filter((e) => e.outcome === 'offered').map((e) => e.userId),
    waitlisted: entries.filter((e) => e.outcome === 'waitlisted').map((e) => e.userId),
  };
}

/** Years in numeric order, `none` last; `all` alone. */
function byStratumKey(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'none') return 1;
  if (b === 'none') return -1;
  return Number(a) - Number(b);
}

/** Hamilton's method (largest remainder), in exact integer arithmetic. */
function largestRemainder(seed: string, places: number, strata: Map<string, readonly unknown[]>): Map<string, number> {
  const total = [...strata.values()].reduce((acc, s) => acc + s.length, 0);
  const quotas = new Map<string, number>();
  if (total === 0) return quotas;
  const capped = Math.min(places, total);
  const remainders: Array<{ key: string; remainder: number; tie: string }> = [];
  let given = 0;
  for (const [key, members] of strata) {
    const q = Math.floor((capped * members.length) / total);
    quotas.set(key, q);
    given += q;
    remainders.push({ key, remainder: (capped * members.length) % total, tie: lotteryHash(seed, `stratum:${key}`) });
  }
  remainders.sort((a, b) => b.remainder - a.remainder || ascending(a.tie, b.tie));
  for (let i = 0; i < capped - given; i++) {
    const r = remainders[i];
    quotas.set(r.key, (quotas.get(r.key) ?? 0) + 1);
  }
  return quotas;
}
