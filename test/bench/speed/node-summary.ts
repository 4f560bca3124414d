// The Node timings of all workers put together: per page in run order, then summarised overall and per
// source (dataset or "seed"). Pure: no timing, no threads.
import type { PageTiming } from './node-pipeline';
import { percentile, summarise, type Summary } from './stats';

export interface SideSummary {
  /** Over pages where both sides ran: the per-page medians. */
  perPageMedian: Summary;
  /** Sum of the per-page medians (the time for the whole corpus once). */
  totalMs: number;
}

/** A Summary with the quartiles, to show how spread out the per-page ratios are. */
export interface SpreadSummary extends Summary {
  p25: number;
  p75: number;
}

export interface GroupSummary {
  /** Pages timed (a page whose worker died is not among them). */
  pages: number;
  /** Pages where both sides ran and have a ratio. */
  compared: number;
  /** Compared pages with every requested timed round on both sides. */
  fullRounds: number;
  ours: SideSummary | null;
  plain: SideSummary | null;
  /** Per-page ratio ours/plain over compared pages. */
  ratio: SpreadSummary | null;
  /** Sum of our per-page medians over the sum of plain's (the whole corpus once, big pages weigh more). */
  sumRatio: number | null;
}

/** A page that has no timing because its worker died on it. */
export interface FailedPage {
  label: string;
  source: string;
  error: string;
}

export function spread(values: readonly number[]): SpreadSummary {
  return { ...summarise(values), p25: percentile(values, 25), p75: percentile(values, 75) };
}

function sideSummary(medians: number[]): SideSummary | null {
  if (medians.length === 0) return null;
  return { perPageMedian: summarise(medians), totalMs: medians.reduce((a, b) => a + b, 0) };
}

export function summariseGroup(timings: readonly PageTiming[], rounds: number): GroupSummary {
  const compared = timings.filter((t) => t.ratio !== null);
  const ours = sideSummary(compared.map((t) => t.oursMedianMs as number));
  const plain = sideSummary(compared.map((t) => t.plainMedianMs as number));
  return {
    pages: timings.length,
    compared: compared.length,
    fullRounds: compared.filter((t) => t.oursMs.length >= rounds && t.plainMs.length >= rounds)
      .length,
    ours,
    plain,
    ratio: compared.length > 0 ? spread(compared.map((t) => t.ratio as number)) : null,
    sumRatio: ours && plain && plain.totalMs > 0 ? ours.totalMs / plain.totalMs : null,
  };
}

/** Groups by source, in the order the sources first appear. */
export function summariseBySource(
  timings: readonly PageTiming[],
  rounds: number,
): Record<string, GroupSummary> {
  const bySource = new Map<string, PageTiming[]>();
  for (const timing of timings) {
    bySource.set(timing.source, [...(bySource.get(timing.source) ?? []), timing]);
  }
  return Object.fromEntries(
    [...bySource].map(([source, group]) => [source, summariseGroup(group, rounds)]),
  );
}

/** Distinct error messages with how many pages each, most frequent first. */
export function countErrors(
  messages: readonly (string | undefined)[],
): { message: string; pages: number }[] {
  const counts = new Map<string, number>();
  for (const message of messages) {
    if (message !== undefined) counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  return [...counts]
    .map(([message, pages]) => ({ message, pages }))
    .sort((a, b) => b.pages - a.pages);
}

/**
 * The timings the workers sent, keyed by their page's index in the run, back in run order. Every index
 * appears once: either timed or failed, never both, never neither (anything else is a bug in the runner).
 */
export function mergeTimings(
  pageCount: number,
  timed: ReadonlyMap<number, PageTiming>,
  failed: ReadonlyMap<number, FailedPage>,
): PageTiming[] {
  const merged: PageTiming[] = [];
  for (let index = 0; index < pageCount; index++) {
    const timing = timed.get(index);
    if (timing !== undefined && failed.has(index)) {
      throw new Error(`page ${index} (${timing.label}) is both timed and failed`);
    }
    if (timing === undefined && !failed.has(index)) {
      throw new Error(`page ${index} was neither timed nor reported failed`);
    }
    if (timing !== undefined) merged.push(timing);
  }
  const extra = [...timed.keys(), ...failed.keys()].filter((i) => i < 0 || i >= pageCount);
  if (extra.length > 0) throw new Error(`results for pages outside the run: ${extra.join(', ')}`);
  return merged;
}

/** One worker thread's share of the run. */
export interface WorkerRun {
  /** Pages it was given, and pages it timed. */
  pages: number;
  timed: number;
  elapsedMs: number;
  jitWarmupMs: number | null;
  /** Forced collections between pages, and timing pages (parsing and untimed rounds included). */
  gcMs: number | null;
  pagesMs: number | null;
  peakHeapBytes: number | null;
  retainedHeapBytes: number | null;
  /** Why it stopped early, when it did. */
  error?: string;
}

export interface NodeBenchResult {
  /** Timed pages in run order. */
  pages: PageTiming[];
  /** Pages without a timing because their worker died on them. */
  failedPages: FailedPage[];
  rounds: number;
  warmupRounds: number;
  jitWarmup: { pages: number; rounds: number };
  comparedPages: number;
  fullRoundPages: number;
  ours: SideSummary | null;
  plain: SideSummary | null;
  /** Per-page ratio ours/plain over compared pages. */
  ratio: SpreadSummary | null;
  sumRatio: number | null;
  /** The same per source (dataset or "seed"), in run order. */
  bySource: Record<string, GroupSummary>;
  /** Distinct errors our extract threw, with how many pages each. */
  oursErrors: { message: string; pages: number }[];
  plainErrors: { message: string; pages: number }[];
  workers: WorkerRun[];
  elapsedMs: number;
  /** The whole process's peak resident memory (main thread and workers), when known. */
  peakRssBytes: number | null;
  gcBetweenPages: boolean;
}

export interface RunFacts {
  rounds: number;
  warmupRounds: number;
  jitWarmup: { pages: number; rounds: number };
  workers: WorkerRun[];
  elapsedMs: number;
  peakRssBytes: number | null;
  gcBetweenPages: boolean;
}

export function buildNodeResult(
  timings: PageTiming[],
  failedPages: FailedPage[],
  facts: RunFacts,
): NodeBenchResult {
  const overall = summariseGroup(timings, facts.rounds);
  return {
    pages: timings,
    failedPages,
    rounds: facts.rounds,
    warmupRounds: facts.warmupRounds,
    jitWarmup: facts.jitWarmup,
    comparedPages: overall.compared,
    fullRoundPages: overall.fullRounds,
    ours: overall.ours,
    plain: overall.plain,
    ratio: overall.ratio,
    sumRatio: overall.sumRatio,
    bySource: summariseBySource(timings, facts.rounds),
    oursErrors: countErrors(timings.map((t) => t.oursError)),
    plainErrors: countErrors(timings.map((t) => t.plainError)),
    workers: facts.workers,
    elapsedMs: facts.elapsedMs,
    peakRssBytes: facts.peakRssBytes,
    gcBetweenPages: facts.gcBetweenPages,
  };
}
