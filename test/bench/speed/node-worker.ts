// One Node-timing worker thread: loads the BUILT library (as the main thread would), warms the JIT on its
// first pages, then times its batch page by page and reports each page as soon as it is done (so a crash
// loses only the page in progress). It exits after its batch, which frees every document jsdom kept.
import { getHeapStatistics } from 'node:v8';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadBuiltLibrary } from './library';
import { findGc, timePage, warmUpOn, type PageTiming, type RoundPlan } from './node-pipeline';
import type { BenchPage } from './pages';

export interface WorkerInput {
  repoRoot: string;
  /** The built library to load: the run's copy of build/node/index.cjs. */
  libraryPath: string;
  /** The batch, each page with its index in the whole run. */
  pages: { index: number; page: BenchPage }[];
  plan: RoundPlan;
  /** Untimed rounds on the batch's first pages before any timing (the thread's code starts cold). */
  jitWarmup: { pages: number; rounds: number };
}

export interface WorkerReport {
  gcBetweenPages: boolean;
  jitWarmupMs: number;
  /** Time in the forced collections between pages, and in timing pages (parsing and untimed rounds too). */
  gcMs: number;
  pagesMs: number;
  /** The largest V8 heap seen after a page, and the heap left after a final collection. */
  peakHeapBytes: number;
  retainedHeapBytes: number;
}

export type WorkerMessage =
  | { type: 'start'; index: number }
  | { type: 'page'; index: number; timing: PageTiming }
  | { type: 'done'; report: WorkerReport };

function run(input: WorkerInput, post: (message: WorkerMessage) => void): void {
  const { extract } = loadBuiltLibrary(input.repoRoot, input.libraryPath);
  const gc = findGc();
  const warmupStarted = performance.now();
  for (const { index, page } of input.pages.slice(0, input.jitWarmup.pages)) {
    post({ type: 'start', index });
    warmUpOn(page, extract, input.jitWarmup.rounds);
  }
  const jitWarmupMs = performance.now() - warmupStarted;
  let peakHeapBytes = 0;
  let gcMs = 0;
  let pagesMs = 0;
  for (const { index, page } of input.pages) {
    post({ type: 'start', index });
    const gcStarted = performance.now();
    gc?.();
    const pageStarted = performance.now();
    const timing = timePage(page, extract, input.plan, index);
    pagesMs += performance.now() - pageStarted;
    gcMs += pageStarted - gcStarted;
    peakHeapBytes = Math.max(peakHeapBytes, getHeapStatistics().used_heap_size);
    post({ type: 'page', index, timing });
  }
  gc?.();
  post({
    type: 'done',
    report: {
      gcBetweenPages: gc !== null,
      jitWarmupMs,
      gcMs,
      pagesMs,
      peakHeapBytes,
      retainedHeapBytes: getHeapStatistics().used_heap_size,
    },
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  run(workerData as WorkerInput, (message) => port.postMessage(message));
}
