// Node timings: our full pipeline (the BUILT library's extract: clone, rules, Readability, output cleaning,
// sanitising) against plain Readability on the same jsdom document, in the same process.
//
// Fairness: each page is parsed ONCE, outside the timing, and both sides run on that same document. Ours
// clones the document internally (it never mutates the caller's page), so plain pays for the same clone:
// its timed call is `new Readability(doc.cloneNode(true)).parse()` with Readability's default options
// (which include serialising the article to HTML). The two sides alternate within a page (ours, plain;
// then plain, ours; ...) so that neither always runs right after the other's garbage, after warm-up
// rounds that are not counted. Between pages the heap is collected when the runtime allows it.
import { Readability } from '@mozilla/readability';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parsePage } from '../lib/extractors';
import type { ExtractFn } from './library';
import { htmlBytes, pageLabel, type BenchPage } from './pages';
import { median, summarise, type Summary } from './stats';

export interface NodeBenchOptions {
  /** Timed rounds per page (fewer when the time budget runs short, never fewer than minRounds). */
  rounds: number;
  minRounds: number;
  /** Untimed rounds per page before the timed ones (dropped first when the time budget runs short). */
  warmupRounds: number;
  /** Rough wall-clock budget for all pages together; the round count adapts to stay near it. */
  budgetMs: number;
  onProgress?: (done: number, total: number, elapsedMs: number) => void;
}

export interface PageTiming {
  label: string;
  source: string;
  id: string;
  bytes: number;
  /** Untimed and timed rounds this page got. */
  warmupRounds: number;
  rounds: number;
  /** Per-round milliseconds of each side (timed rounds only). */
  oursMs: number[];
  plainMs: number[];
  oursMedianMs: number | null;
  plainMedianMs: number | null;
  /** oursMedianMs / plainMedianMs, when both sides ran. */
  ratio: number | null;
  oursFound: boolean;
  plainFound: boolean;
  oursError?: string;
  plainError?: string;
  note?: string;
}

export interface SideSummary {
  /** Over pages where both sides ran: the per-page medians. */
  perPageMedian: Summary;
  /** Sum of the per-page medians (the time for the whole corpus once). */
  totalMs: number;
}

export interface NodeBenchResult {
  pages: PageTiming[];
  comparedPages: number;
  ours: SideSummary | null;
  plain: SideSummary | null;
  /** Per-page ratio ours/plain over compared pages. */
  ratio: Summary | null;
  /** The same, per source (dataset or "seed"). */
  ratioBySource: Record<string, Summary>;
  /** Distinct errors our extract threw, with how many pages each. */
  oursErrors: { message: string; pages: number }[];
  plainErrors: { message: string; pages: number }[];
  elapsedMs: number;
  gcBetweenPages: boolean;
}

/** `gc` without restarting node with --expose-gc; null if the runtime refuses. */
function findGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

interface Side {
  ms: number[];
  found: boolean;
  error?: string;
}

/** Runs `fn` once, timed; the first throw is kept and the side stops (its times would mean nothing). */
function timeOnce(side: Side, fn: () => unknown, record: boolean): void {
  if (side.error !== undefined) return;
  const started = performance.now();
  try {
    const result = fn();
    const elapsed = performance.now() - started;
    side.found = result !== null && result !== undefined;
    if (record) side.ms.push(elapsed);
  } catch (error) {
    side.error = messageOf(error);
  }
}

export interface RoundPlan {
  warmup: number;
  timed: number;
}

/**
 * How many rounds a page gets from its estimated round time (ours + plain) and its share of the remaining
 * budget. Warm-up rounds go first (after the first pages the code is warm anyway; each call clones a fresh
 * document, so a page has no caches of its own to warm), then timed rounds, down to minRounds.
 */
export function planRounds(
  estimatedRoundMs: number,
  pageBudgetMs: number,
  options: Pick<NodeBenchOptions, 'rounds' | 'minRounds' | 'warmupRounds'>,
): RoundPlan {
  const affordable = Math.floor(pageBudgetMs / Math.max(estimatedRoundMs, 0.001));
  const { rounds, warmupRounds } = options;
  for (let warmup = warmupRounds; warmup >= 0; warmup--) {
    if (affordable >= warmup + rounds) return { warmup, timed: rounds };
  }
  return { warmup: 0, timed: Math.max(options.minRounds, Math.min(rounds, affordable)) };
}

/** Milliseconds per HTML byte of the rounds so far: a rough estimate of the next page's round time. */
class RoundCostEstimate {
  private ms = 0;
  private bytes = 0;
  private pages = 0;
  add(roundMs: number[], bytes: number): void {
    this.ms += roundMs.reduce((a, b) => a + b, 0);
    this.bytes += bytes * roundMs.length;
    this.pages++;
  }
  /** null until a few pages were timed: those get every warm-up round, to warm the code. */
  roundMs(bytes: number): number | null {
    return this.pages < 3 || this.bytes === 0 ? null : (this.ms / this.bytes) * bytes;
  }
}

function timePage(
  page: BenchPage,
  extract: ExtractFn,
  plan: RoundPlan,
  pageIndex: number,
): { timing: PageTiming; roundMs: number[] } {
  const parsed = parsePage(page.html, page.url);
  const document = parsed.dom.window.document;
  // Untimed: the parsed document's first-touch costs (jsdom fills some caches lazily) would otherwise go
  // to whichever side runs first, which matters when the budget leaves a page one round.
  document.cloneNode(true);
  const ours: Side = { ms: [], found: false };
  const plain: Side = { ms: [], found: false };
  const runOurs = () => extract(document, { url: page.url });
  const runPlain = () => new Readability(document.cloneNode(true) as Document).parse();
  const roundMs: number[] = [];
  const round = (index: number, record: boolean): void => {
    const started = performance.now();
    // Which side goes first alternates by round and by page, so one-round pages are not all ours-first.
    if ((index + pageIndex) % 2 === 0) {
      timeOnce(ours, runOurs, record);
      timeOnce(plain, runPlain, record);
    } else {
      timeOnce(plain, runPlain, record);
      timeOnce(ours, runOurs, record);
    }
    roundMs.push(performance.now() - started);
  };
  try {
    for (let i = 0; i < plan.warmup; i++) round(i, false);
    for (let i = 0; i < plan.timed; i++) round(i, true);
    const oursMedianMs = ours.ms.length > 0 ? median(ours.ms) : null;
    const plainMedianMs = plain.ms.length > 0 ? median(plain.ms) : null;
    const timing: PageTiming = {
      label: pageLabel(page),
      source: page.source,
      id: page.id,
      bytes: htmlBytes(page),
      warmupRounds: plan.warmup,
      rounds: plan.timed,
      oursMs: ours.ms,
      plainMs: plain.ms,
      oursMedianMs,
      plainMedianMs,
      ratio:
        oursMedianMs !== null && plainMedianMs !== null && plainMedianMs > 0
          ? oursMedianMs / plainMedianMs
          : null,
      oursFound: ours.found,
      plainFound: plain.found,
      oursError: ours.error,
      plainError: plain.error,
      note: parsed.note,
    };
    return { timing, roundMs };
  } finally {
    parsed.dom.window.close();
  }
}

function countErrors(messages: (string | undefined)[]): { message: string; pages: number }[] {
  const counts = new Map<string, number>();
  for (const message of messages) {
    if (message !== undefined) counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  return [...counts]
    .map(([message, pages]) => ({ message, pages }))
    .sort((a, b) => b.pages - a.pages);
}

function sideSummary(medians: number[]): SideSummary | null {
  if (medians.length === 0) return null;
  return { perPageMedian: summarise(medians), totalMs: medians.reduce((a, b) => a + b, 0) };
}

export function runNodeBench(
  pages: readonly BenchPage[],
  extract: ExtractFn,
  options: NodeBenchOptions,
): NodeBenchResult {
  const gc = findGc();
  const started = performance.now();
  const timings: PageTiming[] = [];
  const estimate = new RoundCostEstimate();
  pages.forEach((page, index) => {
    const elapsed = performance.now() - started;
    const pageBudgetMs = Math.max(0, options.budgetMs - elapsed) / (pages.length - index);
    const bytes = htmlBytes(page);
    const estimatedRoundMs = estimate.roundMs(bytes);
    const plan =
      estimatedRoundMs === null
        ? { warmup: options.warmupRounds, timed: options.rounds }
        : planRounds(estimatedRoundMs, pageBudgetMs, options);
    gc?.();
    const { timing, roundMs } = timePage(page, extract, plan, index);
    timings.push(timing);
    estimate.add(roundMs, bytes);
    options.onProgress?.(index + 1, pages.length, performance.now() - started);
  });
  const compared = timings.filter((t) => t.ratio !== null);
  const bySource = new Map<string, number[]>();
  for (const timing of compared) {
    bySource.set(timing.source, [...(bySource.get(timing.source) ?? []), timing.ratio as number]);
  }
  return {
    pages: timings,
    comparedPages: compared.length,
    ours: sideSummary(compared.map((t) => t.oursMedianMs as number)),
    plain: sideSummary(compared.map((t) => t.plainMedianMs as number)),
    ratio: compared.length > 0 ? summarise(compared.map((t) => t.ratio as number)) : null,
    ratioBySource: Object.fromEntries([...bySource].map(([source, r]) => [source, summarise(r)])),
    oursErrors: countErrors(timings.map((t) => t.oursError)),
    plainErrors: countErrors(timings.map((t) => t.plainError)),
    elapsedMs: performance.now() - started,
    gcBetweenPages: gc !== null,
  };
}
