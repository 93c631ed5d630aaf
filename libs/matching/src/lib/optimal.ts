import { collectCandidates } from './candidates';
import { DualChecker, type DualCheck } from './dual';
import { MinCostFlow, type CandidateGraph } from './flow';
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

interface OptimalSettings {
  candidatesPerMentee: number;
  mentorCandidateFactor: number;
  maxCachedPairs: number;
}

type Report = (phase: 'scoring' | 'solving' | 'verifying', fraction: number) => void;

/**
 * Prune, solve, prove, widen: solve on each mentee's best candidates, then check the solver's mentor prices
 * against EVERY eligible pair (dual.ts). Pairs that beat the prices were wrongly pruned; they join the
 * candidate list and the pruned problem is solved again (warm: only mentees with a new edge that pays are
 * re-routed), until the check passes. The check, not the pruning, is what makes the result optimal. The first
 * check reads every pair; later ones read again only the rows that what they learnt cannot settle. Rounds end
 * because every round adds at least one pair; the caps on pairs added per round double each round, so even a
 * program the pruning suits badly needs few rounds.
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
  // Every objective, price and bound is an integer of at most this size: beyond 2^53 comparisons would not be exact.
  const places = p.capacity.reduce((sum, c) => sum + c, 0);
  if (!Number.isSafeInteger((p.n + places + 1) * (matchValue + p.maxPairScore))) {
    throw new RangeError('matching: program too large for exact arithmetic (lower the weights)');
  }

  let widenedPairs = 0;
  let graph = buildGraph(p, scan, candidates, matchValue);
  const solver = new MinCostFlow(graph);
  const onPhase = (placed: number): void => report('solving', placed / Math.max(1, p.n));
  let flow = solver.solution(solver.solve(onPhase));
  const checker = new DualChecker(p, scan, matchValue);
  for (let round = 1; ; round++) {
    report('verifying', 0);
    const growth = 2 ** Math.min(round - 1, 20);
    const proof = checker.check(flow, Math.min(p.m, 2 * settings.candidatesPerMentee * growth));
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
    graph = buildGraph(p, scan, candidates, matchValue, graph);
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

/** The flow network's edges, from the candidate lists; edges already in `previous` keep their cost (lists only grow at the end). */
function buildGraph(p: Prepared, scan: Scan, candidates: readonly number[][], matchValue: number, previous?: CandidateGraph): CandidateGraph {
  const start = new Int32Array(p.n + 1);
  for (let i = 0; i < p.n; i++) start[i + 1] = start[i] + candidates[i].length;
  const mentor = new Int32Array(start[p.n]);
  const cost = new Int32Array(start[p.n]);
  for (let i = 0; i < p.n; i++) {
    const list = candidates[i];
    const known = previous === undefined ? 0 : previous.start[i + 1] - previous.start[i];
    for (let k = 0; k < list.length; k++) {
      mentor[start[i] + k] = list[k];
      cost[start[i] + k] = k < known ? (previous as CandidateGraph).cost[(previous as CandidateGraph).start[i] + k] : p.maxPairScore - scan.scores.at(i, list[k]);
    }
  }
  return { n: p.n, m: p.m, start, mentor, cost, capacity: p.capacity, unmatchedCost: matchValue + p.maxPairScore };
}
