import { DEFAULT_MAX_CACHED_PAIRS, scanPairs } from './pairs';
import { buildPreferences, menteeKey, mentorKey } from './preferences';
import { prepare } from './prepare';
import type { MatchingInput, MatchingResult } from './types';

/**
 * Pairs that would both rather be together than with what `result` gave them: an eligible mentee and mentor,
 * not matched together, where the mentee is unmatched or prefers this mentor to its own, and the mentor has
 * room or prefers this mentee to the one it likes least among its own. Preferences are those `stable` uses
 * (rankings first, then score). Empty for every `stable` result; works on any result, so the API can show how
 * far an `optimal` one is from stable. Sorted by mentee id, then mentor id.
 */
export function findBlockingPairs(input: MatchingInput, result: MatchingResult): Array<{ menteeId: string; mentorId: string }> {
  const p = prepare(input);
  const { scores } = scanPairs(p, DEFAULT_MAX_CACHED_PAIRS);
  const prefs = buildPreferences(p, input, scores);
  const mentorOf = new Int32Array(p.n).fill(-1);
  const load = new Int32Array(p.m);
  const worstHeld = new Float64Array(p.m).fill(-Infinity);
  for (const { menteeId, mentorId } of result.assignments) {
    const i = p.menteeIndex.get(menteeId);
    const j = p.mentorIndex.get(mentorId);
    if (i === undefined || j === undefined) throw new Error(`assignment ${menteeId} -> ${mentorId} names someone not in the input`);
    mentorOf[i] = j;
    load[j]++;
    const score = scores.at(i, j);
    worstHeld[j] = Math.max(worstHeld[j], score < 0 ? Infinity : mentorKey(prefs, j, i, score));
  }

  const blocking: Array<{ menteeId: string; mentorId: string }> = [];
  for (let i = 0; i < p.n; i++) {
    const current = mentorOf[i];
    const currentScore = current < 0 ? -1 : scores.at(i, current);
    const currentKey = current < 0 || currentScore < 0 ? Infinity : menteeKey(prefs, i, current, currentScore);
    const row = scores.row(i);
    for (let j = 0; j < p.m; j++) {
      const score = row[j];
      if (score === scores.none || j === current) continue;
      if (menteeKey(prefs, i, j, score) >= currentKey) continue;
      const mentorWants = load[j] < p.capacity[j] || mentorKey(prefs, j, i, score) < worstHeld[j];
      if (mentorWants) blocking.push({ menteeId: p.mentees[i].id, mentorId: p.mentors[j].id });
    }
  }
  return blocking;
}
