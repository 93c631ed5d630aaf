import type { RowVisitor } from './pairs';
import type { Prepared } from './prepare';

export interface CandidateCollector {
  /** Feed each scored row, in mentee order. */
  readonly visit: RowVisitor;
  /** Candidate mentors of each mentee, without duplicates. */
  lists(): number[][];
}

/**
 * Picks the pairs the first `optimal` solve looks at: each mentee's `perMentee` best mentors, plus each
 * mentor's best `factor x capacity` mentees. The mentor side matters in crowded programs: a mentor who is
 * nobody's favourite would otherwise be missing from the pruned graph, stay empty there, and fail the
 * certificate check against every mentee left without a mentor. Ties go to the lower index (the lower id),
 * because rows and mentors are visited in index order and only a strictly better score displaces. (Spreading
 * ties by a hash of the pair was tried: it needed more widening rounds, not fewer.)
 */
export function collectCandidates(p: Prepared, perMentee: number, factor: number): CandidateCollector {
  const { n, m, capacity } = p;
  const k = Math.max(1, Math.min(perMentee, m));
  const menteeTop: number[][] = Array.from({ length: n }, () => []);
  const topScore = new Int32Array(k);
  const topMentor = new Int32Array(k);

  // One min-heap per mentor (worst kept mentee on top), laid out in flat arrays; mentors with no room keep none.
  const heapStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) heapStart[j + 1] = heapStart[j] + Math.max(0, factor) * capacity[j];
  const heapSize = new Int32Array(m);
  const heapScore = new Int32Array(heapStart[m]);
  const heapMentee = new Int32Array(heapStart[m]);
  // Score a mentee must beat to enter a mentor's list: -1 while the list has room, out of reach when it has none.
  const threshold = Int32Array.from({ length: m }, (_, j) => (heapStart[j + 1] > heapStart[j] ? -1 : 0x7fffffff));

  // One pass per row does the scan's counting too, so that candidate selection adds little to scoring.
  const visit: RowVisitor = (i, row, none, summary) => {
    let size = 0;
    let kth = -1; // score to beat for the mentee's list: -1 until it holds k mentors
    let count = 0;
    let best = -1;
    for (let j = 0; j < m; j++) {
      const score = row[j];
      if (score === none) continue;
      count++;
      if (score > best) best = score;
      if (score > kth) {
        size = insertTop(topScore, topMentor, size, k, score, j);
        if (size === k) kth = topScore[k - 1];
      }
      if (score > threshold[j]) offerToMentor(j, score, i);
    }
    summary.count = count;
    summary.best = best;
    menteeTop[i] = Array.from(topMentor.subarray(0, size));
  };

  function offerToMentor(j: number, score: number, i: number): void {
    const base = heapStart[j];
    const limit = heapStart[j + 1] - base;
    if (heapSize[j] < limit) siftUp(heapScore, heapMentee, base, heapSize[j]++, score, i);
    else siftDown(heapScore, heapMentee, base, heapSize[j], score, i);
    if (heapSize[j] === limit) threshold[j] = heapScore[base];
  }

  return {
    visit,
    lists: () => {
      for (let j = 0; j < m; j++) {
        for (let h = heapStart[j]; h < heapStart[j] + heapSize[j]; h++) menteeTop[heapMentee[h]].push(j);
      }
      // A mentor without capacity can take nobody: leaving its pairs out keeps it out of the flow network.
      return menteeTop.map((list) => [...new Set(list)].filter((j) => capacity[j] > 0));
    },
  };
}

/** Inserts into a list sorted by score, best first, keeping at most k; returns the new size. Equal scores keep arrival order. */
function insertTop(scores: Int32Array, mentors: Int32Array, size: number, k: number, score: number, mentor: number): number {
  let at = Math.min(size, k - 1);
  while (at > 0 && scores[at - 1] < score) {
    scores[at] = scores[at - 1];
    mentors[at] = mentors[at - 1];
    at--;
  }
  scores[at] = score;
  mentors[at] = mentor;
  return Math.min(size + 1, k);
}

/**
 * Heap order: a lower score is worse; at equal scores the later (higher-index) mentee is worse, and since
 * mentees arrive in index order a newcomer never displaces an equal score.
 */
function worse(scoreA: number, menteeA: number, scoreB: number, menteeB: number): boolean {
  return scoreA < scoreB || (scoreA === scoreB && menteeA > menteeB);
}

function siftUp(scores: Int32Array, mentees: Int32Array, base: number, at: number, score: number, mentee: number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!worse(score, mentee, scores[base + parent], mentees[base + parent])) break;
    scores[base + at] = scores[base + parent];
    mentees[base + at] = mentees[base + parent];
    at = parent;
  }
  scores[base + at] = score;
  mentees[base + at] = mentee;
}

/** Replaces the top (worst) entry and restores heap order. */
function siftDown(scores: Int32Array, mentees: Int32Array, base: number, size: number, score: number, mentee: number): void {
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && worse(scores[base + child + 1], mentees[base + child + 1], scores[base + child], mentees[base + child])) child++;
    if (!worse(scores[base + child], mentees[base + child], score, mentee)) break;
    scores[base + at] = scores[base + child];
    mentees[base + at] = mentees[base + child];
    at = child;
  }
  scores[base + at] = score;
  mentees[base + at] = mentee;
}
