import { isEligible, scorePair } from '../lib/score';
import type { MatchingInput, MatchingResult } from '../lib/types';

/**
 * Checks an `optimal` result's certificate from scratch, with the reference functions only (isEligible,
 * scorePair) and none of the engine's compiled loop, candidate lists or early stops: it reads the mentor
 * prices out of the certificate and recomputes the dual bound over EVERY eligible pair of the program,
 *
 *   dual = sum over mentees i of max(0, max over eligible mentors j of (matchValue + score(i, j) - price(j)))
 *        + sum over mentors j of capacity(j) x price(j),
 *
 * which weak LP duality makes an upper bound on (matched x matchValue + total score) of every assignment
 * that keeps the hard rules. The result is proved optimal when that bound equals its own value and
 * matchValue exceeds every possible total score (so one more match always beats any score gain). Returns
 * what does not hold; empty means the certificate proves the result optimal.
 */
export function certificateGaps(input: MatchingInput, result: MatchingResult): string[] {
  const gaps: string[] = [];
  const certificate = result.certificate;
  if (certificate === undefined) return ['no certificate'];
  const { matchValue, mentorPrices } = certificate;
  const excluded = new Set((input.exclusions ?? []).map((x) => `${x.menteeId}\u0000${x.mentorId}`));
  const isExcluded = (a: string, b: string): boolean => excluded.has(`${a}\u0000${b}`);

  for (const mentor of input.mentors) {
    const price = mentorPrices[mentor.id];
    if (price === undefined) gaps.push(`no price for mentor ${mentor.id}`);
    else if (!Number.isSafeInteger(price) || price < 0) gaps.push(`price of ${mentor.id} is not a non-negative integer: ${price}`);
  }
  if (gaps.length > 0) return gaps;

  let dual = 0;
  let eligiblePairs = 0;
  let bestTotal = 0;
  for (const mentor of input.mentors) dual += Math.max(0, Math.floor(mentor.capacity)) * mentorPrices[mentor.id];
  for (const mentee of input.mentees) {
    let menteeBound = 0;
    let bestScore = 0;
    for (const mentor of input.mentors) {
      if (!isEligible(mentee, mentor, isExcluded)) continue;
      eligiblePairs++;
      const score = scorePair(mentee, mentor, input.weights).score;
      bestScore = Math.max(bestScore, score);
      menteeBound = Math.max(menteeBound, matchValue + score - mentorPrices[mentor.id]);
    }
    dual += menteeBound;
    bestTotal += bestScore;
  }
  const primal = result.stats.matched * matchValue + result.stats.totalScore;

  if (!(matchValue > bestTotal)) gaps.push(`matchValue ${matchValue} does not exceed the largest possible total score ${bestTotal}`);
  if (dual !== primal) gaps.push(`dual bound ${dual} over all ${eligiblePairs} eligible pairs differs from the result's value ${primal}`);
  if (certificate.primalObjective !== primal) gaps.push(`certificate primalObjective ${certificate.primalObjective}, result's value ${primal}`);
  if (certificate.dualObjective !== dual) gaps.push(`certificate dualObjective ${certificate.dualObjective}, recomputed ${dual}`);
  if (certificate.pairsChecked !== eligiblePairs) gaps.push(`certificate pairsChecked ${certificate.pairsChecked}, eligible pairs ${eligiblePairs}`);
  if (!certificate.verified || !certificate.primalFeasible) gaps.push('certificate not marked verified and feasible');
  if (!Number.isSafeInteger(dual)) gaps.push(`dual bound ${dual} is not exact in a double`);
  return gaps;
}
