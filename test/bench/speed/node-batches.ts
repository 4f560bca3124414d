// How the Node timings are split over worker threads, one worker at a time (pure planning, no threads here).
//
// jsdom never frees a document once one is created, and every timed call makes one (document.cloneNode), so
// a single process cannot hold the whole run. Each worker takes a batch of consecutive pages and exits after
// it, which frees everything it made. A batch ends at a page count or at an HTML size: the memory a page keeps
// grows with its size and with how often it is copied, and the biggest dataset pages are 20 times the median.

export interface BatchLimits {
  /** At most this many pages per worker. */
  maxPages: number;
  /** At most this many HTML bytes per worker (a bigger page still gets a worker of its own). */
  maxBytes: number;
}

export interface BatchItem {
  /** The page's position in the whole run. */
  index: number;
  bytes: number;
}

/** Consecutive batches of page indexes, none empty, in run order, within `limits`. */
export function planBatches(items: readonly BatchItem[], limits: BatchLimits): number[][] {
  if (!(limits.maxPages >= 1) || !(limits.maxBytes > 0)) {
    throw new RangeError(`batch limits must be positive, got ${JSON.stringify(limits)}`);
  }
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const item of items) {
    const full = current.length >= limits.maxPages || bytes + item.bytes > limits.maxBytes;
    if (current.length > 0 && full) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item.index);
    bytes += item.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export interface WorkerOutcome {
  /** Pages of the batch whose timing arrived. */
  done: ReadonlySet<number>;
  /** The page the worker was busy with when it stopped (warming up or timing), if any. */
  inProgress: number | null;
}

export interface AfterWorker {
  /** The page a dead worker was on: it is not retried (it may be what killed the worker). */
  failed: number | null;
  /** Pages of the batch still to time, in order, for a fresh worker. */
  retry: number[];
  /** The worker died before it started on any page (it could not load): a fresh one would too. */
  abort: boolean;
}

/**
 * What to do with a batch after its worker exited. A finished batch leaves nothing; after a crash, the page
 * in progress is given up and the pages not timed yet go to a fresh worker, so every run ends. A crash
 * between pages (none in progress) gives up the first page not timed, for the same reason. A worker that
 * died before its first page stops the run.
 */
export function afterWorker(batch: readonly number[], outcome: WorkerOutcome): AfterWorker {
  const left = batch.filter((index) => !outcome.done.has(index));
  if (left.length === 0) return { failed: null, retry: [], abort: false };
  if (outcome.done.size === 0 && outcome.inProgress === null) {
    return { failed: null, retry: [...batch], abort: true };
  }
  const failed =
    outcome.inProgress !== null && left.includes(outcome.inProgress)
      ? outcome.inProgress
      : left[0]!;
  return { failed, retry: left.filter((index) => index !== failed), abort: false };
}
