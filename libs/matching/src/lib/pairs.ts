import { NARROW_INTEREST_WORDS, NARROW_LANGUAGE_WORDS, YEAR_GAP_TABLE_SIZE, type Prepared } from './prepare';

const GAP_MASK = YEAR_GAP_TABLE_SIZE - 1;

/** Scores of one mentee's row, indexed by mentor; the narrowest type that holds every score plus `none`. */
export type ScoreRow = Uint8Array | Uint16Array | Int32Array;

/** Default limit on cached scores: 64M pairs is 64 MB at one byte a score. */
export const DEFAULT_MAX_CACHED_PAIRS = 64 * 1024 * 1024;

/** Scores of every pair, either kept from the scan or recomputed on demand when caching would cost too much memory. */
export interface PairScores {
  /** Marks an ineligible pair in a row. */
  readonly none: number;
  /** The row of mentee i. Without a cache it lives in a shared buffer: read it before asking for another. */
  row(i: number): ScoreRow;
  /** Score of an eligible pair, -1 for an ineligible one. */
  at(i: number, j: number): number;
}

export interface Scan {
  readonly scores: PairScores;
  /** Eligible mentors of each mentee. */
  readonly eligibleCount: Int32Array;
  /** Best score of each mentee's eligible pairs, -1 when it has none. */
  readonly rowMax: Int32Array;
  readonly eligiblePairs: number;
}

function rowFactory(maxScore: number): { make: (length: number) => ScoreRow; none: number } {
  if (maxScore < 0xff) return { make: (length) => new Uint8Array(length), none: 0xff };
  if (maxScore < 0xffff) return { make: (length) => new Uint16Array(length), none: 0xffff };
  return { make: (length) => new Int32Array(length), none: 0x7fffffff };
}

// Bits set in each 16-bit value: two table reads beat the arithmetic popcount in this loop.
const BITS_IN_16 = new Uint8Array(1 << 16);
for (let x = 1; x < BITS_IN_16.length; x++) BITS_IN_16[x] = BITS_IN_16[x >>> 1] + (x & 1);

function popcount(x: number): number {
  return BITS_IN_16[x & 0xffff] + BITS_IN_16[x >>> 16];
}

function sharedBits(a: Int32Array, aBase: number, b: Int32Array, bBase: number, words: number): number {
  let count = 0;
  for (let w = 0; w < words; w++) count += popcount(a[aBase + w] & b[bBase + w]);
  return count;
}

/**
 * The inner loop of the whole engine: eligibility and score of mentee i with every mentor, into `out`.
 * Exclusions are applied afterwards, over the few excluded mentors, rather than tested for every pair.
 */
export function scoreRowInto(p: Prepared, i: number, out: ScoreRow, none: number): void {
  if (p.interestWords === NARROW_INTEREST_WORDS && p.languageWords === NARROW_LANGUAGE_WORDS) scoreRowNarrow(p, i, out, none);
  else scoreRowWide(p, i, out, none);
  for (let e = p.exclusionStart[i]; e < p.exclusionStart[i + 1]; e++) out[p.exclusionMentor[e]] = none;
}

/** Up to 64 interests and 32 languages: the words are unrolled, which makes the whole scan about 40% faster. */
function scoreRowNarrow(p: Prepared, i: number, out: ScoreRow, none: number): void {
  const { m, mentorYear, mentorModality, mentorCampus, mentorInterests, mentorLanguages, yearPoints, modalityPoints } = p;
  const { sharedInterest, sharedLanguage, sameCampus } = p.weights;
  const year = p.menteeYear[i];
  const modality = p.menteeModality[i];
  const campus = p.menteeCampus[i];
  const interests0 = p.menteeInterests[2 * i];
  const interests1 = p.menteeInterests[2 * i + 1];
  const languages = p.menteeLanguages[i];
  for (let j = 0; j < m; j++) {
    const gap = mentorYear[j] - year;
    const sharedModality = mentorModality[j] & modality;
    if (gap > 0 && sharedModality !== 0) {
      out[j] =
        modalityPoints[sharedModality] +
        yearPoints[gap & GAP_MASK] +
        (mentorCampus[j] === campus ? sameCampus : 0) +
        sharedInterest * (popcount(interests0 & mentorInterests[2 * j]) + popcount(interests1 & mentorInterests[2 * j + 1])) +
        sharedLanguage * popcount(languages & mentorLanguages[j]);
    } else {
      out[j] = none;
    }
  }
}

function scoreRowWide(p: Prepared, i: number, out: ScoreRow, none: number): void {
  for (let j = 0; j < p.m; j++) {
    const score = scoreIgnoringExclusions(p, i, j);
    out[j] = score < 0 ? none : score;
  }
}

/** Same arithmetic as scoreRowNarrow, for any number of words; -1 when the years or modalities rule the pair out. */
function scoreIgnoringExclusions(p: Prepared, i: number, j: number): number {
  const gap = p.mentorYear[j] - p.menteeYear[i];
  const sharedModality = p.mentorModality[j] & p.menteeModality[i];
  if (gap <= 0 || sharedModality === 0) return -1;
  const { sharedInterest, sharedLanguage, sameCampus } = p.weights;
  return (
    p.modalityPoints[sharedModality] +
    p.yearPoints[gap & GAP_MASK] +
    (p.mentorCampus[j] === p.menteeCampus[i] ? sameCampus : 0) +
    sharedInterest * sharedBits(p.menteeInterests, i * p.interestWords, p.mentorInterests, j * p.interestWords, p.interestWords) +
    sharedLanguage * sharedBits(p.menteeLanguages, i * p.languageWords, p.mentorLanguages, j * p.languageWords, p.languageWords)
  );
}

function isExcluded(p: Prepared, i: number, j: number): boolean {
  for (let e = p.exclusionStart[i]; e < p.exclusionStart[i + 1]; e++) if (p.exclusionMentor[e] === j) return true;
  return false;
}

/** One pair, for lookups when scores are not cached: -1 when ineligible. */
export function scoreOnePair(p: Prepared, i: number, j: number): number {
  return isExcluded(p, i, j) ? -1 : scoreIgnoringExclusions(p, i, j);
}

/** What a row visitor must report: the row's eligible mentors and best score. */
export interface RowSummary {
  count: number;
  best: number;
}

/** Sees each scored row while it is hot in cache, and counts it (so the scan needs no second loop over the row). */
export type RowVisitor = (i: number, row: ScoreRow, none: number, summary: RowSummary) => void;

const countRow: RowVisitor = (_i, row, none, summary) => {
  let count = 0;
  let best = -1;
  for (let j = 0; j < row.length; j++) {
    const score = row[j];
    if (score !== none) {
      count++;
      if (score > best) best = score;
    }
  }
  summary.count = count;
  summary.best = best;
};

/**
 * Scores every pair once, row by row, counting eligible pairs and handing each row to `visit` while it is
 * hot in cache. Keeps all scores when mentees x mentors <= maxCachedPairs, so later passes (the certificate
 * check, stable's preference lists) read bytes instead of scoring again.
 */
export function scanPairs(p: Prepared, maxCachedPairs: number, visit: RowVisitor = countRow, onRow?: (i: number) => void): Scan {
  const { n, m } = p;
  const { make, none } = rowFactory(p.maxPairScore);
  const cache = n * m <= maxCachedPairs ? make(n * m) : null;
  const buffer = cache === null ? make(m) : null;
  const eligibleCount = new Int32Array(n);
  const rowMax = new Int32Array(n).fill(-1);
  let eligiblePairs = 0;
  const summary: RowSummary = { count: 0, best: -1 };
  for (let i = 0; i < n; i++) {
    const row = cache !== null ? cache.subarray(i * m, (i + 1) * m) : (buffer as ScoreRow);
    scoreRowInto(p, i, row, none);
    visit(i, row, none, summary);
    eligibleCount[i] = summary.count;
    rowMax[i] = summary.best;
    eligiblePairs += summary.count;
    onRow?.(i);
  }
  return { scores: pairScores(p, cache, buffer, none), eligibleCount, rowMax, eligiblePairs };
}

function pairScores(p: Prepared, cache: ScoreRow | null, buffer: ScoreRow | null, none: number): PairScores {
  const { m } = p;
  if (cache !== null) {
    return {
      none,
      row: (i) => cache.subarray(i * m, (i + 1) * m),
      at: (i, j) => {
        const score = cache[i * m + j];
        return score === none ? -1 : score;
      },
    };
  }
  const shared = buffer as ScoreRow;
  return {
    none,
    row: (i) => {
      scoreRowInto(p, i, shared, none);
      return shared;
    },
    at: (i, j) => scoreOnePair(p, i, j),
  };
}

/** The benchmark's floor: score every pair once, as any solver must, and return a checksum so nothing is optimized away. */
export function scoreEveryPair(p: Prepared): { eligiblePairs: number; checksum: number } {
  const { make, none } = rowFactory(p.maxPairScore);
  const row = make(p.m);
  let eligiblePairs = 0;
  let checksum = 0;
  for (let i = 0; i < p.n; i++) {
    scoreRowInto(p, i, row, none);
    for (let j = 0; j < p.m; j++) {
      const score = row[j];
      if (score !== none) {
        eligiblePairs++;
        checksum += score;
      }
    }
  }
  return { eligiblePairs, checksum };
}
