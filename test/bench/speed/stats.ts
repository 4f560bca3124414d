// Small, exact statistics for timings: medians and nearest-rank percentiles (no interpolation, so every
// number printed is one that was measured).

/** Ascending copy; throws on an empty list, since a statistic of nothing is a bug in the caller. */
function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new RangeError('no values to summarise');
  return [...values].sort((a, b) => a - b);
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 === 1
    ? (ordered[middle] as number)
    : ((ordered[middle - 1] as number) + (ordered[middle] as number)) / 2;
}

/** Nearest-rank percentile: the smallest value with at least `p` percent of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const ordered = sorted(values);
  const rank = Math.ceil((p / 100) * ordered.length);
  return ordered[rank - 1] as number;
}

export interface Summary {
  count: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarise(values: readonly number[]): Summary {
  const ordered = sorted(values);
  return {
    count: ordered.length,
    median: median(ordered),
    p95: percentile(ordered, 95),
    min: ordered[0] as number,
    max: ordered[ordered.length - 1] as number,
  };
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number): string {
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}
