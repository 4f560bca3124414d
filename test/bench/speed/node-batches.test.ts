import { afterWorker, planBatches } from './node-batches';

const items = (...kib: number[]) => kib.map((k, index) => ({ index, bytes: k * 1024 }));

describe('planBatches', () => {
  test('consecutive batches of at most maxPages pages, every page once, in run order', () => {
    const batches = planBatches(items(1, 1, 1, 1, 1, 1, 1), { maxPages: 3, maxBytes: 1 << 30 });
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  test('a batch also ends before the page that would take it over maxBytes', () => {
    const batches = planBatches(items(300, 300, 500, 100, 100), {
      maxPages: 10,
      maxBytes: 1000 * 1024,
    });
    expect(batches).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
  });

  test('a page bigger than maxBytes gets a worker of its own, not an empty batch', () => {
    const batches = planBatches(items(10, 5000, 10), { maxPages: 10, maxBytes: 1000 * 1024 });
    expect(batches).toEqual([[0], [1], [2]]);
  });

  test('no pages, no batches; limits that are not positive are refused', () => {
    expect(planBatches([], { maxPages: 5, maxBytes: 1 })).toEqual([]);
    expect(() => planBatches(items(1), { maxPages: 0, maxBytes: 1 })).toThrow(RangeError);
    expect(() => planBatches(items(1), { maxPages: 1, maxBytes: 0 })).toThrow(RangeError);
  });
});

describe('afterWorker', () => {
  const batch = [10, 11, 12, 13];

  test('a finished batch leaves nothing to do', () => {
    expect(afterWorker(batch, { done: new Set(batch), inProgress: null })).toEqual({
      failed: null,
      retry: [],
      abort: false,
    });
  });

  test('after a crash the page in progress is given up and the rest go to a fresh worker', () => {
    expect(afterWorker(batch, { done: new Set([10]), inProgress: 11 })).toEqual({
      failed: 11,
      retry: [12, 13],
      abort: false,
    });
  });

  test('a crash in the JIT warm-up blames the page being warmed, not the first page', () => {
    expect(afterWorker(batch, { done: new Set(), inProgress: 12 })).toEqual({
      failed: 12,
      retry: [10, 11, 13],
      abort: false,
    });
  });

  test('a crash between pages gives up the first page not timed, so the run always moves on', () => {
    expect(afterWorker(batch, { done: new Set([10, 11]), inProgress: null })).toEqual({
      failed: 12,
      retry: [13],
      abort: false,
    });
  });

  test('a worker that died before any page (it could not load) stops the run', () => {
    expect(afterWorker(batch, { done: new Set(), inProgress: null })).toEqual({
      failed: null,
      retry: batch,
      abort: true,
    });
  });
});
