import type { PairScores } from './pairs';
import { mentorKey, type Preferences } from './preferences';
import type { Prepared } from './prepare';

/** Mentors a mentee's first look past its ranked list covers; most mentees are placed within it. */
const FIRST_CHUNK = 8;

/**
 * Mentee-proposing deferred acceptance with capacities (Gale-Shapley for hospitals/residents): each free
 * mentee proposes to the next mentor on its list; a mentor holds its best `capacity` proposals so far and
 * rejects the rest. The result is stable and the best stable outcome for every mentee. It does not depend
 * on the order in which free mentees propose, so processing them by index is only for readability.
 */
export function solveStable(p: Prepared, scores: PairScores, prefs: Preferences): Int32Array {
  const { n, m, capacity } = p;
  const mentorOf = new Int32Array(n).fill(-1);
  const choices = new ChoiceLists(scores, prefs);
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j] + capacity[j];
  const held = new MaxHeaps(slotStart);

  const free: number[] = [];
  for (let i = n - 1; i >= 0; i--) free.push(i);
  while (free.length > 0) {
    const i = free.pop() as number;
    for (;;) {
      const j = choices.next(i);
      if (j < 0) break;
      const key = mentorKey(prefs, j, i, scores.at(i, j));
      if (held.size(j) < capacity[j]) {
        held.push(j, key, i);
        mentorOf[i] = j;
        break;
      }
      if (capacity[j] > 0 && key < held.topKey(j)) {
        const rejected = held.replaceTop(j, key, i);
        mentorOf[rejected] = -1;
        free.push(rejected);
        mentorOf[i] = j;
        break;
      }
    }
  }
  return mentorOf;
}

/**
 * Each mentee's list, produced lazily: its ranked mentors, then the best FIRST_CHUNK of the others (one
 * pass over its row), and only if it gets that far, all the others in order. Sorting every list up front
 * would cost more than the whole algorithm.
 */
class ChoiceLists {
  private readonly rankedPos: Int32Array;
  /** Unranked mentors in preference order: the first chunk, then (once needed) all of them. */
  private readonly tail: Array<Int32Array | null>;
  private readonly tailPos: Int32Array;
  private readonly tailComplete: Uint8Array;
  // Counting sort by score needs one bucket per score value; beyond this a comparison sort is cheaper.
  private readonly buckets: Int32Array | null;

  constructor(
    private readonly scores: PairScores,
    private readonly prefs: Preferences,
  ) {
    this.rankedPos = new Int32Array(prefs.n);
    this.tail = new Array<Int32Array | null>(prefs.n).fill(null);
    this.tailPos = new Int32Array(prefs.n);
    this.tailComplete = new Uint8Array(prefs.n);
    this.buckets = prefs.scoreCap <= MAX_COUNTING_BUCKETS ? new Int32Array(prefs.scoreCap + 1) : null;
  }

  /** The next mentor mentee i has not proposed to yet, or -1. */
  next(i: number): number {
    const ranked = this.prefs.menteeRanked[i];
    if (this.rankedPos[i] < ranked.length) return ranked[this.rankedPos[i]++];
    let list = this.tail[i];
    if (list === null) list = this.tail[i] = this.firstChunk(i);
    if (this.tailPos[i] === list.length && this.tailComplete[i] === 0) {
      // The first chunk holds the best unranked mentors, so the whole list starts with exactly them.
      list = this.tail[i] = this.wholeTail(i);
      this.tailComplete[i] = 1;
    }
    return this.tailPos[i] < list.length ? list[this.tailPos[i]++] : -1;
  }

  private unranked(i: number): (j: number) => boolean {
    const ranked = this.prefs.menteeRankOf[i];
    const row = this.scores.row(i);
    const none = this.scores.none;
    return ranked === null ? (j) => row[j] !== none : (j) => row[j] !== none && !ranked.has(j);
  }

  /** Best FIRST_CHUNK unranked eligible mentors: score first, then index (menteeKey's order). */
  private firstChunk(i: number): Int32Array {
    const row = this.scores.row(i);
    const usable = this.unranked(i);
    const keys = new Float64Array(FIRST_CHUNK);
    const { scoreCap, m } = this.prefs;
    let size = 0;
    let total = 0;
    for (let j = 0; j < row.length; j++) {
      if (!usable(j)) continue;
      total++;
      size = insertSmallest(keys, size, (scoreCap - row[j]) * m + j);
    }
    if (total <= size) this.tailComplete[i] = 1;
    return Int32Array.from(keys.subarray(0, size), (key) => key % m);
  }

  /** All unranked eligible mentors in order; tailPos stays where the first chunk left it. */
  private wholeTail(i: number): Int32Array {
    const row = this.scores.row(i);
    const usable = this.unranked(i);
    const { scoreCap, m } = this.prefs;
    const buckets = this.buckets;
    if (buckets === null) {
      const keys: number[] = [];
      for (let j = 0; j < row.length; j++) if (usable(j)) keys.push((scoreCap - row[j]) * m + j);
      return Int32Array.from(Float64Array.from(keys).sort(), (key) => key % m);
    }
    // Counting sort on (scoreCap - score); mentors within a score stay in index order.
    buckets.fill(0);
    let total = 0;
    for (let j = 0; j < row.length; j++) {
      if (!usable(j)) continue;
      buckets[scoreCap - row[j] + 1]++;
      total++;
    }
    for (let b = 1; b < buckets.length; b++) buckets[b] += buckets[b - 1];
    const list = new Int32Array(total);
    for (let j = 0; j < row.length; j++) if (usable(j)) list[buckets[scoreCap - row[j]]++] = j;
    return list;
  }
}

const MAX_COUNTING_BUCKETS = 4096;

/** Keeps `keys` (full length = limit) as the smallest keys seen, ascending; returns the new size. */
function insertSmallest(keys: Float64Array, size: number, key: number): number {
  const limit = keys.length;
  if (size === limit && key >= keys[limit - 1]) return size;
  let at = size === limit ? limit - 1 : size;
  while (at > 0 && keys[at - 1] > key) {
    keys[at] = keys[at - 1];
    at--;
  }
  keys[at] = key;
  return Math.min(size + 1, limit);
}

/** One max-heap of (key, mentee) per mentor, in flat arrays: the top is the held mentee the mentor likes least. */
class MaxHeaps {
  private readonly keys: Float64Array;
  private readonly mentees: Int32Array;
  private readonly sizes: Int32Array;

  constructor(private readonly start: Int32Array) {
    this.keys = new Float64Array(start[start.length - 1]);
    this.mentees = new Int32Array(start[start.length - 1]);
    this.sizes = new Int32Array(start.length - 1);
  }

  size(j: number): number {
    return this.sizes[j];
  }

  topKey(j: number): number {
    return this.keys[this.start[j]];
  }

  push(j: number, key: number, mentee: number): void {
    const base = this.start[j];
    let at = this.sizes[j]++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.keys[base + parent] >= key) break;
      this.keys[base + at] = this.keys[base + parent];
      this.mentees[base + at] = this.mentees[base + parent];
      at = parent;
    }
    this.keys[base + at] = key;
    this.mentees[base + at] = mentee;
  }

  /** Replaces the least liked held mentee and returns it. */
  replaceTop(j: number, key: number, mentee: number): number {
    const base = this.start[j];
    const size = this.sizes[j];
    const removed = this.mentees[base];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && this.keys[base + child + 1] > this.keys[base + child]) child++;
      if (this.keys[base + child] <= key) break;
      this.keys[base + at] = this.keys[base + child];
      this.mentees[base + at] = this.mentees[base + child];
      at = child;
    }
    this.keys[base + at] = key;
    this.mentees[base + at] = mentee;
    return removed;
  }
}
