import type { FlowSolution } from './flow';
import type { Scan } from './pairs';
import type { Prepared } from './prepare';

export interface DualCheck {
  readonly primalObjective: number;
  readonly dualObjective: number;
  readonly pairsChecked: number;
  /** Pairs compared with the prices one by one in this check; every other eligible pair was bounded (see DualChecker). */
  readonly pairsCompared: number;
  /** Rows read in full in this check; the others were settled by what an earlier read of them proved. */
  readonly rowsRead: number;
  readonly primalFeasible: boolean;
  readonly pricesNonNegative: boolean;
  readonly verified: boolean;
  /** Per mentee with a violated pair: eligible mentors whose value beats the prices (most violated first) and by how much. */
  readonly violations: ReadonlyArray<{ mentee: number; mentors: number[]; excess: number[] }>;
}

/** Pairs per mentee remembered from a full read of its row. */
const REMEMBERED = 32;
/** Pairs worth up to this much less than what the mentee earns are remembered: prices seldom drop more between rounds. */
const SLACK = 2;
/** Mentors whose price dropped since a row was read are compared one by one when there are at most this many. */
const MAX_LISTED_DROPS = 256;

/**
 * The certificate check. With mentor prices v >= 0, weak LP duality bounds the value of every assignment:
 *
 *   value <= sum over mentees i of u_i + sum over mentors j of capacity_j x v_j,
 *   u_i = max(0, max over ALL eligible mentors j of (matchValue + score_ij - v_j)).
 *
 * If that bound equals the value of the result, nothing can do better. u_i is at least what mentee i earns in
 * the result (matchValue + its score - its mentor's price, or 0 unmatched), because its own pair is one of the
 * pairs; so to prove u_i = earned_i it is enough to show that no eligible pair of the row is worth more.
 *
 * The first check reads every eligible pair of every row. Reading row i at prices v, it remembers a short list
 * of pairs (those worth nearly what the mentee earns, with their scores) and theta_i, the largest
 * score_ij - v_j among ALL the row's other eligible pairs. At a later check with prices v', a pair not in the
 * list has score_ij - v'_j <= theta_i unless mentor j's price dropped since (v'_j < v_j). So
 *
 *   u_i <= max(0, the listed pairs at v', matchValue + theta_i, the pairs of mentors whose price dropped at v'),
 *
 * the last compared one by one when few prices dropped; when many did, they are bounded instead by
 * theta_i + D, D the largest drop, since score_ij - v'_j = (score_ij - v_j) + (v_j - v'_j). When that bound is
 * at most earned_i, u_i is exactly earned_i and the row need not be read again; otherwise it is read in full
 * (and remembered anew). Every eligible pair is accounted for in every check: compared with the current
 * prices, or bounded through theta_i, which is the exact maximum over the row's other pairs at prices the
 * check knows. All numbers are integers below 2^53, so every comparison is exact. Prices move little between
 * widening rounds, so after the first check most rows are settled without reading them.
 */
export class DualChecker {
  private readonly remembered: Int32Array;
  private readonly rememberedScore: Int32Array;
  private readonly rememberedCount: Int32Array;
  private readonly theta: Float64Array;
  /** Index into `priceHistory` of the prices at the row's last full read; -1 before the first. */
  private readonly readAt: Int32Array;
  private readonly priceHistory: Float64Array[] = [];
  private readonly values: Float64Array;

  constructor(
    private readonly p: Prepared,
    private readonly scan: Scan,
    private readonly matchValue: number,
    /** Pairs remembered per row at most; tests make it small to reach the code that makes room. */
    private readonly listSize = REMEMBERED,
    /** Mentors whose price dropped are compared one by one up to this many, else bounded by the largest drop. */
    private readonly maxListedDrops = MAX_LISTED_DROPS,
  ) {
    this.remembered = new Int32Array(p.n * listSize);
    this.rememberedScore = new Int32Array(p.n * listSize);
    this.rememberedCount = new Int32Array(p.n);
    this.theta = new Float64Array(p.n);
    this.readAt = new Int32Array(p.n).fill(-1);
    this.values = new Float64Array(listSize);
  }

  /**
   * Checks a solution; where a mentee's bound exceeds what its own assignment earns, returns the pairs
   * responsible, at most `budget` per mentee, to widen the pruned problem.
   */
  check(flow: FlowSolution, budget: number): DualCheck {
    const { p, scan, matchValue } = this;
    const { n, m, capacity } = p;
    const { scores, rowMax, eligibleCount } = scan;
    const { mentorOf, prices } = flow;
    let dualObjective = 0;
    let primalObjective = 0;
    let pairsCompared = 0;
    let rowsRead = 0;
    let primalFeasible = true;
    let pricesNonNegative = true;
    const load = new Int32Array(m);
    const violations: Array<{ mentee: number; mentors: number[]; excess: number[] }> = [];
    for (let j = 0; j < m; j++) {
      if (!(prices[j] >= 0)) pricesNonNegative = false;
      dualObjective += capacity[j] * prices[j];
    }
    // What each earlier check's prices tell about now: the mentors whose price has dropped since (a pair outside a
    // remembered list can only have gained with them), listed when few, else only the largest drop.
    const since = this.priceHistory.map((earlier) => priceDrops(earlier, prices, this.maxListedDrops));
    const current = this.priceHistory.length;
    this.priceHistory.push(Float64Array.from(prices));

    for (let i = 0; i < n; i++) {
      const assigned = mentorOf[i];
      let earned = 0;
      if (assigned >= 0) {
        const score = scores.at(i, assigned);
        if (score < 0) primalFeasible = false;
        load[assigned]++;
        earned = matchValue + score - prices[assigned];
        primalObjective += matchValue + score;
      }
      // No eligible pair: u_i = 0, and a feasible result leaves the mentee unmatched.
      if (rowMax[i] < 0) continue;
      const drops = this.readAt[i] >= 0 ? since[this.readAt[i]] : null;
      const bound = drops === null ? Infinity : this.boundFromMemory(i, prices, drops);
      if (drops !== null && bound <= earned) {
        pairsCompared += this.rememberedCount[i] + (drops.mentors?.length ?? 0);
        dualObjective += earned;
        continue;
      }
      rowsRead++;
      const exact = this.readRow(i, prices, current, earned);
      pairsCompared += eligibleCount[i];
      dualObjective += exact;
      if (exact > earned) violations.push({ mentee: i, ...this.violatedPairs(i, prices, earned, budget) });
    }
    for (let j = 0; j < m; j++) if (load[j] > capacity[j]) primalFeasible = false;
    const verified = primalFeasible && pricesNonNegative && dualObjective === primalObjective;
    return { primalObjective, dualObjective, pairsChecked: scan.eligiblePairs, pairsCompared, rowsRead, primalFeasible, pricesNonNegative, verified, violations };
  }

  /** Upper bound on u_i from the remembered pairs, theta_i and the price drops since the row was read (see the class comment); never below 0. */
  private boundFromMemory(i: number, prices: Float64Array, drops: PriceDrops): number {
    const { matchValue, remembered, rememberedScore } = this;
    const base = i * this.listSize;
    let bound = 0;
    for (let k = base; k < base + this.rememberedCount[i]; k++) bound = Math.max(bound, matchValue + rememberedScore[k] - prices[remembered[k]]);
    if (drops.mentors === null) return Math.max(bound, matchValue + this.theta[i] + drops.largest);
    // The few mentors whose price dropped are compared directly; every other pair is still within theta_i.
    bound = Math.max(bound, matchValue + this.theta[i]);
    for (const j of drops.mentors) {
      const score = this.scan.scores.at(i, j);
      if (score >= 0) bound = Math.max(bound, matchValue + score - prices[j]);
    }
    return bound;
  }

  /**
   * Reads every eligible pair of row i and returns u_i exactly. Remembers the pairs worth at least what the
   * mentee earns minus SLACK (those a later check must compare again, since prices may drop) and sets
   * theta_i to the largest score - price among all the others. One pass, in which most pairs only update
   * theta_i. When the list is full, its bar rises to its middle value (at least by one) and the pairs below
   * move into theta_i, so the list keeps the row's best pairs (all of them, unless more than the list holds
   * tie at the top) and theta_i covers exactly the rest.
   */
  private readRow(i: number, prices: Float64Array, pricesIndex: number, earned: number): number {
    const { remembered, rememberedScore, listSize } = this;
    const row = this.scan.scores.row(i);
    const none = this.scan.scores.none;
    const base = i * listSize;
    let bar = earned - this.matchValue - SLACK;
    let size = 0;
    let theta = -Infinity;
    for (let j = 0; j < row.length; j++) {
      const score = row[j];
      if (score === none) continue;
      const reduced = score - prices[j];
      if (reduced < bar) {
        if (reduced > theta) theta = reduced;
        continue;
      }
      while (size === listSize && reduced >= bar) {
        // Full: raise the bar to the list's middle value (at least by one); the pairs below it move into theta.
        bar = this.raisedBar(base, size, prices, bar);
        let kept = base;
        for (let k = base; k < base + size; k++) {
          const value = rememberedScore[k] - prices[remembered[k]];
          if (value < bar) {
            theta = Math.max(theta, value);
          } else {
            remembered[kept] = remembered[k];
            rememberedScore[kept++] = rememberedScore[k];
          }
        }
        size = kept - base;
      }
      if (reduced < bar) {
        theta = Math.max(theta, reduced);
        continue;
      }
      remembered[base + size] = j;
      rememberedScore[base + size] = score;
      size++;
    }
    this.rememberedCount[i] = size;
    this.theta[i] = theta;
    this.readAt[i] = pricesIndex;
    let best = theta;
    for (let k = base; k < base + size; k++) best = Math.max(best, rememberedScore[k] - prices[remembered[k]]);
    return Math.max(0, this.matchValue + best);
  }

  /** A full list's new bar: its middle value, and at least one above the old bar. */
  private raisedBar(base: number, size: number, prices: Float64Array, bar: number): number {
    const values = this.values;
    for (let k = 0; k < size; k++) values[k] = this.rememberedScore[base + k] - prices[this.remembered[base + k]];
    values.sort();
    return Math.max(bar + 1, values[size >> 1]);
  }

  /**
   * After readRow found u_i > earned_i: the pairs worth more than what the mentee earns, most violated first
   * (ties to the lower index), at most `budget`. They come from the remembered list, which holds the row's
   * best pairs; should none of them be violated (a pair in theta_i is), the row is read once more for them.
   */
  private violatedPairs(i: number, prices: Float64Array, earned: number, budget: number): { mentors: number[]; excess: number[] } {
    const slack = this.matchValue - earned;
    const base = i * this.listSize;
    const pairs: Array<{ j: number; over: number }> = [];
    for (let k = base; k < base + this.rememberedCount[i]; k++) {
      const over = slack + this.rememberedScore[k] - prices[this.remembered[k]];
      if (over > 0) pairs.push({ j: this.remembered[k], over });
    }
    if (pairs.length === 0) return mostViolated(this.scan.scores.row(i), this.scan.scores.none, prices, slack, budget);
    pairs.sort((a, b) => b.over - a.over || a.j - b.j);
    const top = pairs.slice(0, budget);
    return { mentors: top.map((x) => x.j), excess: top.map((x) => x.over) };
  }
}

interface PriceDrops {
  /** The largest drop (0 when no price dropped). */
  readonly largest: number;
  /** The mentors whose price dropped, or null when there are too many to list. */
  readonly mentors: Int32Array | null;
}

function priceDrops(earlier: Float64Array, now: Float64Array, maxListed: number): PriceDrops {
  const mentors: number[] = [];
  let largest = 0;
  for (let j = 0; j < now.length; j++) {
    if (earlier[j] > now[j]) {
      largest = Math.max(largest, earlier[j] - now[j]);
      if (mentors.length <= maxListed) mentors.push(j);
    }
  }
  return { largest, mentors: mentors.length <= maxListed ? Int32Array.from(mentors) : null };
}

/** A one-off check, which reads every row: what the first check of a run does. */
export function checkDual(p: Prepared, scan: Scan, flow: FlowSolution, matchValue: number, budget: number): DualCheck {
  return new DualChecker(p, scan, matchValue).check(flow, budget);
}

/** The `budget` mentors whose pair beats the prices by most (ties to the lower index), by insertion into a short sorted list. */
function mostViolated(row: ArrayLike<number>, none: number, prices: Float64Array, slack: number, budget: number): { mentors: number[]; excess: number[] } {
  const mentors: number[] = [];
  const excess: number[] = [];
  for (let j = 0; j < row.length; j++) {
    if (row[j] === none) continue;
    const over = slack + row[j] - prices[j];
    if (over <= 0 || (mentors.length === budget && over <= excess[budget - 1])) continue;
    let at = mentors.length === budget ? budget - 1 : mentors.length;
    while (at > 0 && excess[at - 1] < over) {
      excess[at] = excess[at - 1];
      mentors[at] = mentors[at - 1];
      at--;
    }
    excess[at] = over;
    mentors[at] = j;
  }
  return { mentors, excess };
}
