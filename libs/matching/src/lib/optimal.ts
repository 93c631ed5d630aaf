import { collectCandidates } from './candidates';
import { MinCostFlow, type CandidateGraph, type FlowSolution } from './flow';
import { scanPairs, type Scan } from './pairs';
import type { Prepared } from './prepare';

export const DEFAULT_CANDIDATES_PER_MENTEE = 8;
export const DEFAULT_MENTOR_CANDIDATE_FACTOR = 3;

export interface OptimalOutcome {
  readonly scan: Scan;
  readonly mentorOf: Int32Array;
  readonly proof: DualCheck;
  readonly matchValue: number;
  readonly candidatesPerMentee: number;
  readonly candidatePairs: number;
  readonly rounds: number;
  readonly widenedPairs: number;
  readonly prices: Float64Array;
}

export interface DualCheck {
  readonly primalObjective: number;
  readonly dualObjective: number;
  readonly pairsChecked: number;
  readonly pairsCompared: number;
  readonly primalFeasible: boolean;
  readonly pricesNonNegative: boolean;
  readonly verified: boolean;
  /** Per mentee with a violated pair: eligible mentors whose value beats the prices (most violated first) and by how much. */
  readonly violations: ReadonlyArray<{ mentee: number; mentors: number[]; excess: number[] }>;
}

interface OptimalSettings {
  candidatesPerMentee: number;
  mentorCandidateFactor: number;
  maxCachedPairs: number;
}

type Report = (phase: 'scoring' | 'solving' | 'verifying', fraction: number) => void;

/**
 * Prune, solve, prove, widen: solve on each mentee's best candidates, then check the solver's mentor prices
 * against EVERY eligible pair. Pairs that beat the prices were wrongly pruned; they join the candidate list
 * and the pruned problem is solved again (warm: only mentees with a new edge that pays are re-routed), until
 * the check passes. The check, not the pruning, is what makes the result optimal. Rounds end because every
 * round adds at least one pair; the caps on pairs added per round double each round, so even a program the
 * pruning suits badly needs few rounds.
 */
export function solveOptimal(p: Prepared, settings: OptimalSettings, report: Report): OptimalOutcome {
  const collector = collectCandidates(p, settings.candidatesPerMentee, settings.mentorCandidateFactor);
  const rowStep = Math.max(1, Math.floor(p.n / 20));
  const scan = scanPairs(p, settings.maxCachedPairs, collector.visit, (i) => {
    if (i % rowStep === 0) report('scoring', i / Math.max(1, p.n));
  });
  const candidates = collector.lists();
  // One match must outweigh every possible total score, so that the LP's optimum matches as many mentees as possible.
  const matchValue = scan.rowMax.reduce((sum, best) => sum + Math.max(0, best), 0) + 1;

  let widenedPairs = 0;
  let graph = buildGraph(p, scan, candidates, matchValue);
  const solver = new MinCostFlow(graph);
  const onPhase = (placed: number): void => report('solving', placed / Math.max(1, p.n));
  let flow = solver.solution(solver.solve(onPhase));
  for (let round = 1; ; round++) {
    report('verifying', 0);
    const growth = 2 ** Math.min(round - 1, 20);
    const proof = checkDual(p, scan, flow, matchValue, Math.min(p.m, 2 * settings.candidatesPerMentee * growth));
    if (proof.verified) {
      return {
        scan,
        mentorOf: flow.mentorOf,
        proof,
        matchValue,
        candidatesPerMentee: settings.candidatesPerMentee,
        candidatePairs: graph.start[p.n],
        rounds: round,
        widenedPairs,
        prices: flow.prices,
      };
    }
    if (proof.violations.length === 0) throw new Error('matching: dual check failed without a violated pair (solver bug)');
    widenedPairs += widen(candidates, proof.violations, (j) => Math.min(p.n, Math.max(2, 2 * p.capacity[j]) * growth));
    graph = buildGraph(p, scan, candidates, matchValue);
    solver.extend(graph);
    flow = solver.solution(solver.solve(onPhase));
  }
}

/**
 * Adds violated pairs to the candidate lists: per mentee its most violated ones (already capped by the
 * check), and per mentor at most `perMentor(j)` of those, the most violated first. The mentor cap matters
 * when a mentor has room in the pruned solution: its price is 0 and then nearly every mentee violates with
 * it, although a few new pairs are enough to fill it. The most violated pair overall survives both caps, so
 * every round makes progress. A violated pair already in the lists would mean the solver is wrong.
 */
function widen(candidates: number[][], violations: DualCheck['violations'], perMentor: (j: number) => number): number {
  const pairs = violations.flatMap(({ mentee, mentors, excess }) => mentors.map((j, k) => ({ i: mentee, j, excess: excess[k] })));
  pairs.sort((a, b) => b.excess - a.excess || a.i - b.i || a.j - b.j);
  const taken = new Map<number, number>();
  let added = 0;
  for (const { i, j } of pairs) {
    const count = taken.get(j) ?? 0;
    if (count >= perMentor(j)) continue;
    taken.set(j, count + 1);
    if (candidates[i].includes(j)) throw new Error('matching: a candidate pair violates the dual prices (solver bug)');
    candidates[i].push(j);
    added++;
  }
  return added;
}

function buildGraph(p: Prepared, scan: Scan, candidates: readonly number[][], matchValue: number): CandidateGraph {
  const start = new Int32Array(p.n + 1);
  for (let i = 0; i < p.n; i++) start[i + 1] = start[i] + candidates[i].length;
  const mentor = new Int32Array(start[p.n]);
  const cost = new Int32Array(start[p.n]);
  for (let i = 0; i < p.n; i++) {
    let e = start[i];
    for (const j of candidates[i]) {
      mentor[e] = j;
      cost[e] = p.maxPairScore - scan.scores.at(i, j);
      e++;
    }
  }
  return { n: p.n, m: p.m, start, mentor, cost, capacity: p.capacity, unmatchedCost: matchValue + p.maxPairScore };
}

/**
 * The certificate check. With mentor prices v >= 0, every assignment's value is at most
 *   sum over mentees of max(0, max over ALL eligible mentors j of (matchValue + score - v_j)) + sum of capacity_j x v_j
 * (weak LP duality). If that bound equals the value of the result, nothing can do better. Each mentee's
 * row is read from its cheapest mentor up, and the read stops once even the row's best score could not
 * beat the running maximum at the remaining (higher) prices: every eligible pair is still accounted for,
 * exactly, but most rows stop early. Where a mentee's bound exceeds what its own assignment earns, the
 * pairs responsible are returned, at most `budget` per mentee, to widen the pruned problem.
 */
export function checkDual(p: Prepared, scan: Scan, flow: FlowSolution, matchValue: number, budget: number): DualCheck {
  const { n, m, capacity } = p;
  const { scores, rowMax, eligibleCount } = scan;
  const { mentorOf, prices } = flow;
  const none = scores.none;
  let dualObjective = 0;
  let primalObjective = 0;
  let pairsChecked = 0;
  let pairsCompared = 0;
  let primalFeasible = true;
  let pricesNonNegative = true;
  const load = new Int32Array(m);
  const violations: Array<{ mentee: number; mentors: number[]; excess: number[] }> = [];
  for (let j = 0; j < m; j++) {
    if (!(prices[j] >= 0)) pricesNonNegative = false;
    dualObjective += capacity[j] * prices[j];
  }
  const cheapestFirst = Int32Array.from({ length: m }, (_, j) => j).sort((a, b) => prices[a] - prices[b] || a - b);
  const sortedPrice = Float64Array.from(cheapestFirst, (j) => prices[j]);
  for (let i = 0; i < n; i++) {
    const row = scores.row(i);
    const assigned = mentorOf[i];
    let earned = 0;
    if (assigned >= 0) {
      if (row[assigned] === none) primalFeasible = false;
      load[assigned]++;
      earned = matchValue + row[assigned] - prices[assigned];
      primalObjective += matchValue + row[assigned];
    }
    // The assigned pair is one of the row's pairs, so its value is a valid start for the maximum.
    let bound = Math.max(0, primalFeasible ? earned : 0);
    const ceiling = matchValue + rowMax[i];
    if (rowMax[i] >= 0) {
      for (let k = 0; k < m && ceiling - sortedPrice[k] > bound; k++) {
        const score = row[cheapestFirst[k]];
        if (score === none) continue;
        pairsCompared++;
        const value = matchValue + score - sortedPrice[k];
        if (value > bound) bound = value;
      }
    }
    pairsChecked += eligibleCount[i];
    dualObjective += bound;
    if (bound > earned) violations.push({ mentee: i, ...mostViolated(row, none, prices, matchValue - earned, budget) });
  }
  for (let j = 0; j < m; j++) if (load[j] > capacity[j]) primalFeasible = false;
  const verified = primalFeasible && pricesNonNegative && dualObjective === primalObjective;
  return { primalObjective, dualObjective, pairsChecked, pairsCompared, primalFeasible, pricesNonNegative, verified, violations };
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
