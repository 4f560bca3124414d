// Runs the Node timings in worker threads, ONE at a time (the machine has 2 cores: two workers would slow
// each other's timings), a batch of pages each; each worker exits after its batch so its memory is freed.
// The main thread only waits meanwhile. A worker that dies (out of memory, a crash in jsdom) costs the
// page it was on; the rest of its batch goes to a fresh worker.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BenchSetupError } from './library';
import { afterWorker, planBatches, type BatchLimits } from './node-batches';
import type { PageTiming, RoundPlan } from './node-pipeline';
import {
  buildNodeResult,
  mergeTimings,
  type FailedPage,
  type NodeBenchResult,
  type WorkerRun,
} from './node-summary';
import type { WorkerInput, WorkerMessage, WorkerReport } from './node-worker';
import { htmlBytes, pageLabel, type BenchPage } from './pages';

export interface NodeBenchOptions {
  repoRoot: string;
  /** The built library every worker loads (the run's copy, see snapshotBuiltLibrary). */
  libraryPath: string;
  plan: RoundPlan;
  jitWarmup: { pages: number; rounds: number };
  batch: BatchLimits;
  /** V8 old-space limit of each worker, in MB. */
  workerHeapMb: number;
  onProgress?: (done: number, total: number, elapsedMs: number) => void;
}

interface WorkerExit {
  timed: Map<number, PageTiming>;
  inProgress: number | null;
  report: WorkerReport | null;
  error?: string;
}

function runWorker(
  pages: readonly BenchPage[],
  batch: readonly number[],
  options: NodeBenchOptions,
  onPage: () => void,
): Promise<WorkerExit> {
  const input: WorkerInput = {
    repoRoot: options.repoRoot,
    libraryPath: options.libraryPath,
    pages: batch.map((index) => ({ index, page: pages[index]! })),
    plan: options.plan,
    jitWarmup: options.jitWarmup,
  };
  const exit: WorkerExit = { timed: new Map(), inProgress: null, report: null };
  return new Promise((resolve) => {
    const worker = new Worker(
      join(options.repoRoot, 'test', 'bench', 'speed', 'node-worker-entry.mjs'),
      {
        workerData: input,
        resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb },
      },
    );
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'start') exit.inProgress = message.index;
      if (message.type === 'page') {
        exit.timed.set(message.index, message.timing);
        exit.inProgress = null;
        onPage();
      }
      if (message.type === 'done') exit.report = message.report;
    });
    worker.on('error', (error) => {
      exit.error ??= error instanceof Error ? error.message.split('\n')[0] : String(error);
    });
    // Node delivers every message a worker posted before its 'exit' event.
    worker.on('exit', (code) => {
      if (exit.report === null)
        exit.error ??= `worker exited with code ${code} before its batch ended`;
      resolve(exit);
    });
  });
}

export async function runNodeBench(
  pages: readonly BenchPage[],
  options: NodeBenchOptions,
): Promise<NodeBenchResult> {
  const started = performance.now();
  const queue = planBatches(
    pages.map((page, index) => ({ index, bytes: htmlBytes(page) })),
    options.batch,
  );
  const timed = new Map<number, PageTiming>();
  const failed = new Map<number, FailedPage>();
  const workers: WorkerRun[] = [];
  let gcBetweenPages = true;
  let finished = 0;
  const progress = () =>
    options.onProgress?.(++finished, pages.length, performance.now() - started);
  for (let batch = queue.shift(); batch !== undefined; batch = queue.shift()) {
    const workerStarted = performance.now();
    const exit = await runWorker(pages, batch, options, progress);
    for (const [index, timing] of exit.timed) timed.set(index, timing);
    if (exit.report && !exit.report.gcBetweenPages) gcBetweenPages = false;
    workers.push({
      pages: batch.length,
      timed: exit.timed.size,
      elapsedMs: performance.now() - workerStarted,
      jitWarmupMs: exit.report?.jitWarmupMs ?? null,
      gcMs: exit.report?.gcMs ?? null,
      pagesMs: exit.report?.pagesMs ?? null,
      peakHeapBytes: exit.report?.peakHeapBytes ?? null,
      retainedHeapBytes: exit.report?.retainedHeapBytes ?? null,
      ...(exit.error === undefined ? {} : { error: exit.error }),
    });
    const next = afterWorker(batch, {
      done: new Set(exit.timed.keys()),
      inProgress: exit.inProgress,
    });
    if (next.abort) {
      throw new BenchSetupError(
        `a timing worker failed before its first page: ${exit.error ?? 'no error reported'}`,
      );
    }
    if (next.failed !== null) {
      const page = pages[next.failed]!;
      failed.set(next.failed, {
        label: pageLabel(page),
        source: page.source,
        error: exit.error ?? 'the worker stopped on this page',
      });
      progress();
    }
    if (next.retry.length > 0) queue.unshift(next.retry);
  }
  const rssKiB = process.resourceUsage().maxRSS;
  return buildNodeResult(mergeTimings(pages.length, timed, failed), [...failed.values()], {
    rounds: options.plan.timed,
    warmupRounds: options.plan.warmup,
    jitWarmup: options.jitWarmup,
    workers,
    elapsedMs: performance.now() - started,
    peakRssBytes: rssKiB > 0 ? rssKiB * 1024 : null,
    gcBetweenPages,
  });
}
