// Node timings of one page: our full pipeline (the BUILT library's extract: clone, rules, Readability, output
// cleaning, sanitising) against plain Readability on the same jsdom document, in the same thread. The
// worker threads (node-worker.ts) run these, a batch of pages each; node-workers.ts runs the workers.
//
// Fairness: each page is parsed ONCE, outside the timing, and both sides run on that same document. Ours
// clones the document internally (it never mutates the caller's page), so plain pays for the same clone:
// its timed call is `new Readability(doc.cloneNode(true)).parse()` with Readability's default options
// (which include serialising the article to HTML). The two sides alternate within a page (ours, plain;
// then plain, ours; ...) and the first side alternates from page to page, so that neither always runs
// right after the other's garbage, after warm-up rounds that are not counted. Between pages the heap is
// collected when the runtime allows it.
import { Readability } from '@mozilla/readability';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parsePage } from '../lib/extractors';
import type { ExtractFn } from './library';
import { htmlBytes, pageLabel, type BenchPage } from './pages';
import { median } from './stats';

export interface RoundPlan {
  /** Untimed rounds of the page before the timed ones. */
  warmup: number;
  timed: number;
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

/** `gc` without restarting node with --expose-gc; null if the runtime refuses. */
export function findGc(): (() => void) | null {
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

/**
 * Times one page. `runIndex` is the page's position in the whole run: which side goes first alternates by
 * round and by page, so that a side is not always first on the first round of every page.
 */
export function timePage(
  page: BenchPage,
  extract: ExtractFn,
  plan: RoundPlan,
  runIndex: number,
): PageTiming {
  const parsed = parsePage(page.html, page.url);
  const document = parsed.dom.window.document;
  // Untimed: the parsed document's first-touch costs (jsdom fills some caches lazily) would otherwise go
  // to whichever side runs first.
  document.cloneNode(true);
  const ours: Side = { ms: [], found: false };
  const plain: Side = { ms: [], found: false };
  const runOurs = () => extract(document, { url: page.url });
  const runPlain = () => new Readability(document.cloneNode(true) as Document).parse();
  const round = (index: number, record: boolean): void => {
    if ((index + runIndex) % 2 === 0) {
      timeOnce(ours, runOurs, record);
      timeOnce(plain, runPlain, record);
    } else {
      timeOnce(plain, runPlain, record);
      timeOnce(ours, runOurs, record);
    }
  };
  try {
    for (let i = 0; i < plan.warmup; i++) round(i, false);
    for (let i = 0; i < plan.timed; i++) round(i, true);
    const oursMedianMs = ours.ms.length > 0 ? median(ours.ms) : null;
    const plainMedianMs = plain.ms.length > 0 ? median(plain.ms) : null;
    return {
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
  } finally {
    parsed.dom.window.close();
  }
}

/**
 * Untimed runs of both sides on a page, to warm the JIT before a fresh thread times anything: the code of
 * both sides is compiled and optimised on real pages first, as it is after a few pages of a long run.
 */
export function warmUpOn(page: BenchPage, extract: ExtractFn, rounds: number): void {
  if (rounds === 0) return;
  timePage(page, extract, { warmup: rounds, timed: 0 }, 0);
}
