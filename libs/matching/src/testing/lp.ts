import loadHighs from 'highs';
import { isEligible, scorePair } from '../lib/score';
import type { MatchingInput } from '../lib/types';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

let highsPromise: Promise<Highs> | null = null;

/** One solver instance for the whole test file: loading the Wasm module is the slow part. */
export function highsSolver(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

/**
 * The matching optimum by an independent route: the LP relaxation of the assignment problem, solved by
 * HiGHS in two phases (most pairs first, then most score with that many pairs). The bipartite b-matching
 * polytope is integral, so the LP optimum is the integer optimum. Eligibility and scores come from the
 * reference functions, not from the engine's compiled loop.
 */
export function lpOptimum(highs: Highs, input: MatchingInput): { matched: number; totalScore: number } {
  const excluded = new Set((input.exclusions ?? []).map((x) => `${x.menteeId}\u0000${x.mentorId}`));
  const pairs: Array<{ mentee: number; mentor: number; score: number }> = [];
  input.mentees.forEach((mentee, i) =>
    input.mentors.forEach((mentor, j) => {
      if (mentor.capacity > 0 && isEligible(mentee, mentor, (a, b) => excluded.has(`${a}\u0000${b}`))) {
        pairs.push({ mentee: i, mentor: j, score: scorePair(mentee, mentor, input.weights).score });
      }
    }),
  );
  if (pairs.length === 0) return { matched: 0, totalScore: 0 };

  const constraints: string[] = [];
  input.mentees.forEach((_, i) => {
    const terms = pairs.flatMap((pair, k) => (pair.mentee === i ? [`x${k}`] : []));
    if (terms.length > 0) constraints.push(` e${i}: ${terms.join(' + ')} <= 1`);
  });
  input.mentors.forEach((mentor, j) => {
    const terms = pairs.flatMap((pair, k) => (pair.mentor === j ? [`x${k}`] : []));
    if (terms.length > 0) constraints.push(` r${j}: ${terms.join(' + ')} <= ${mentor.capacity}`);
  });
  const bounds = pairs.map((_, k) => ` 0 <= x${k} <= 1`);
  const all = pairs.map((_, k) => `x${k}`).join(' + ');
  const solve = (objective: string, extra: string[]): number => {
    const model = ['Maximize', ` obj: ${objective}`, 'Subject To', ...constraints, ...extra, 'Bounds', ...bounds, 'End'].join('\n');
    const solution = highs.solve(model, { output_flag: false });
    if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`);
    return solution.ObjectiveValue;
  };
  const matched = Math.round(solve(all, []));
  const scoreTerms = pairs.map((pair, k) => `${pair.score} x${k}`).join(' + ');
  const totalScore = Math.round(solve(scoreTerms, [` count: ${all} >= ${matched}`]));
  return { matched, totalScore };
}
