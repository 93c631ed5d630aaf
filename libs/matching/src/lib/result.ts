import type { Scan } from './pairs';
import type { Prepared } from './prepare';
import { scorePair } from './score';
import type { Assignment, MatchingAlgorithm, MatchingResult, OptimalityCertificate } from './types';

/**
 * Turns an assignment by index into the public result. Reasons are built here, for the matched pairs only,
 * by the reference scorer; its score must equal the compiled one, which is checked pair by pair.
 */
export function buildResult(p: Prepared, algorithm: MatchingAlgorithm, scan: Scan, mentorOf: Int32Array, certificate?: OptimalityCertificate): MatchingResult {
  const assignments: Assignment[] = [];
  const unmatched: MatchingResult['unmatched'] = [];
  let totalScore = 0;
  for (let i = 0; i < p.n; i++) {
    const j = mentorOf[i];
    const mentee = p.mentees[i];
    if (j < 0) {
      unmatched.push({ menteeId: mentee.id, reason: scan.eligibleCount[i] === 0 ? 'no_eligible_mentor' : 'eligible_mentors_full' });
      continue;
    }
    const mentor = p.mentors[j];
    const { score, reasons } = scorePair(mentee, mentor, p.weights);
    if (score !== scan.scores.at(i, j)) {
      throw new Error(`matching: scores disagree for ${mentee.id} -> ${mentor.id} (${score} vs ${scan.scores.at(i, j)})`);
    }
    totalScore += score;
    assignments.push({ menteeId: mentee.id, mentorId: mentor.id, score, reasons });
  }
  const matched = assignments.length;
  const result: MatchingResult = {
    algorithm,
    assignments,
    unmatched,
    stats: {
      mentees: p.n,
      mentors: p.m,
      eligiblePairs: scan.eligiblePairs,
      matched,
      matchRate: p.n === 0 ? 0 : matched / p.n,
      meanScore: matched === 0 ? null : totalScore / matched,
      totalScore,
    },
  };
  if (certificate !== undefined) result.certificate = certificate;
  return result;
}
