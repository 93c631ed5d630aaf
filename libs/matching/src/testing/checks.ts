import { isEligible, scorePair } from '../lib/score';
import type { MatchingInput, MatchingResult } from '../lib/types';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every hard rule and every promise of the result's shape, checked with the reference functions only.
 * Returns the broken ones, so a failing property prints what went wrong.
 */
export function brokenRules(input: MatchingInput, result: MatchingResult): string[] {
  const broken: string[] = [];
  const mentees = new Map(input.mentees.map((m) => [m.id, m]));
  const mentors = new Map(input.mentors.map((m) => [m.id, m]));
  const excluded = new Set((input.exclusions ?? []).map((x) => `${x.menteeId}\u0000${x.mentorId}`));
  const isExcluded = (a: string, b: string): boolean => excluded.has(`${a}\u0000${b}`);
  const load = new Map<string, number>();
  const seen = new Set<string>();

  for (const a of result.assignments) {
    const mentee = mentees.get(a.menteeId);
    const mentor = mentors.get(a.mentorId);
    if (!mentee || !mentor) {
      broken.push(`unknown person in ${a.menteeId} -> ${a.mentorId}`);
      continue;
    }
    if (!isEligible(mentee, mentor, isExcluded)) broken.push(`ineligible pair ${a.menteeId} -> ${a.mentorId}`);
    if (mentor.yearOfStudy <= mentee.yearOfStudy) broken.push(`mentor not above mentee: ${a.menteeId} -> ${a.mentorId}`);
    if (!mentee.modalities.some((m) => mentor.modalities.includes(m))) broken.push(`no shared modality: ${a.menteeId} -> ${a.mentorId}`);
    if (isExcluded(a.menteeId, a.mentorId)) broken.push(`excluded pair matched: ${a.menteeId} -> ${a.mentorId}`);
    if (seen.has(a.menteeId)) broken.push(`mentee matched twice: ${a.menteeId}`);
    seen.add(a.menteeId);
    load.set(a.mentorId, (load.get(a.mentorId) ?? 0) + 1);
    const reference = scorePair(mentee, mentor, input.weights);
    if (a.score !== reference.score) broken.push(`score ${a.score} != ${reference.score} for ${a.menteeId}`);
    if (a.reasons.reduce((sum, r) => sum + Number(r.params['points']), 0) !== a.score) broken.push(`reasons do not add up for ${a.menteeId}`);
  }
  for (const [id, count] of load) {
    if (count > (mentors.get(id)?.capacity ?? 0)) broken.push(`mentor ${id} over capacity: ${count}`);
  }
  for (const u of result.unmatched) {
    if (seen.has(u.menteeId)) broken.push(`mentee both matched and unmatched: ${u.menteeId}`);
    seen.add(u.menteeId);
    const mentee = mentees.get(u.menteeId);
    const anyEligible = mentee !== undefined && input.mentors.some((mentor) => isEligible(mentee, mentor, isExcluded));
    const expected = anyEligible ? 'eligible_mentors_full' : 'no_eligible_mentor';
    if (u.reason !== expected) broken.push(`unmatched reason for ${u.menteeId}: ${u.reason}, expected ${expected}`);
  }
  if (seen.size !== input.mentees.length) broken.push('not every mentee is either matched or unmatched');
  const sortedIds = (ids: string[]) => ids.every((id, k) => k === 0 || byCodeUnits(ids[k - 1], id) < 0);
  if (!sortedIds(result.assignments.map((a) => a.menteeId))) broken.push('assignments not sorted by mentee id');
  if (!sortedIds(result.unmatched.map((u) => u.menteeId))) broken.push('unmatched not sorted by mentee id');
  const total = result.assignments.reduce((sum, a) => sum + a.score, 0);
  if (result.stats.totalScore !== total || result.stats.matched !== result.assignments.length) broken.push('stats disagree with assignments');
  return broken;
}
