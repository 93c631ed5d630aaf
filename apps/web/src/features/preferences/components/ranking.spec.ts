import { describe, expect, it } from 'vitest';
import type { RankingCandidate } from '@pm/contracts';
import { initialRanking, unrankedCandidates } from './ranking';

const candidate = (userId: string, score: number): RankingCandidate => ({
  userId,
  fullName: userId,
  yearOfStudy: 4,
  interests: [],
  languages: [],
  modalities: ['virtual'],
  campus: null,
  score,
});
const candidates = [candidate('a', 20), candidate('b', 15), candidate('c', 9)];

describe('initialRanking', () => {
  it('keeps the saved order but drops people no longer offered and duplicates', () => {
    expect(initialRanking(['c', 'gone', 'a', 'c'], candidates)).toEqual(['c', 'a']);
  });
});

describe('unrankedCandidates', () => {
  it('lists everyone not ranked yet, best score first as the API sent them', () => {
    expect(unrankedCandidates(candidates, ['b']).map((c) => c.userId)).toEqual(['a', 'c']);
    expect(unrankedCandidates(candidates, ['a', 'b', 'c'])).toEqual([]);
  });
});
