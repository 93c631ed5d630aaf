export interface HistogramBin {
  /** Inclusive lower edge, in percentage points of change. */
  start: number;
  /** Exclusive upper edge. */
  end: number;
  mentored: number;
  comparison: number;
  /** Share of the group in this bin, from 0 to 1; null for an empty group, which has no shares. */
  mentoredShare: number | null;
  comparisonShare: number | null;
}

const NICE_STEPS = [1, 2, 2.5, 5, 10] as const;

/** The smallest "round" width (1, 2, 2.5 or 5 times a power of ten) at least `raw`, so bin edges read well. */
export function niceBinWidth(raw: number): number {
  if (!Number.isFinite(raw) || raw <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = NICE_STEPS.find((candidate) => raw <= candidate * power + Number.EPSILON * power) ?? 10;
  return step * power;
}

/** Decimals needed to write multiples of `width` exactly, used to strip floating-point noise from the edges. */
const decimalsOf = (width: number): number => Math.max(0, Math.ceil(-Math.log10(width)) + 1);

/**
 * Bins both groups' changes on one shared set of edges, so the two distributions can be compared bar by bar.
 * Edges fall on multiples of the width, so 0 (no change) is always an edge. Groups differ in size, hence the
 * shares beside the counts. Non-finite values are dropped rather than allowed to break the scale.
 */
export function buildHistogram(mentored: readonly number[], comparison: readonly number[], targetBins = 12): HistogramBin[] {
  const cleanMentored = mentored.filter(Number.isFinite);
  const cleanComparison = comparison.filter(Number.isFinite);
  const all = [...cleanMentored, ...cleanComparison];
  if (all.length === 0) return [];

  let min = Infinity;
  let max = -Infinity;
  for (const value of all) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const width = niceBinWidth((max - min) / Math.max(1, targetBins));
  const decimals = decimalsOf(width);
  const edge = (value: number): number => Number(value.toFixed(decimals));
  const first = Math.floor(min / width + 1e-9);
  const count = Math.floor(max / width + 1e-9) - first + 1;

  const bins: HistogramBin[] = Array.from({ length: count }, (_, i) => ({
    start: edge((first + i) * width),
    end: edge((first + i + 1) * width),
    mentored: 0,
    comparison: 0,
    mentoredShare: null,
    comparisonShare: null,
  }));
  const indexOf = (value: number): number => Math.min(count - 1, Math.max(0, Math.floor(value / width + 1e-9) - first));
  for (const value of cleanMentored) bins[indexOf(value)].mentored += 1;
  for (const value of cleanComparison) bins[indexOf(value)].comparison += 1;
  for (const bin of bins) {
    bin.mentoredShare = cleanMentored.length > 0 ? bin.mentored / cleanMentored.length : null;
    bin.comparisonShare = cleanComparison.length > 0 ? bin.comparison / cleanComparison.length : null;
  }
  return bins;
}

/** Decimals that write every edge exactly: 0 for whole-number edges, otherwise 1 or 2. */
export function edgeDigits(bins: readonly HistogramBin[]): number {
  const fits = (digits: number): boolean =>
    bins.every((bin) => [bin.start, bin.end].every((value) => Math.abs(value * 10 ** digits - Math.round(value * 10 ** digits)) < 1e-6));
  return fits(0) ? 0 : fits(1) ? 1 : 2;
}
