// The speed benchmark's harness on real pages: both sides timed, failures of ours reported, budgets judged.
import { extract } from '../../../src/extraction';
import { detectArticle } from '../../../src/detection';
import { findRepoRoot } from '../lib/repo-root';
import { existsSync, readFileSync } from 'node:fs';
import { builtLibraryPath, snapshotBuiltLibrary, type ExtractFn } from './library';
import type { BrowserBenchResult, BrowserPageResult, PaintRun } from './browser-paint';
import { runDetectorBench } from './detector';
import { timePage } from './node-pipeline';
import { printNode } from './node-report';
import { buildNodeResult, type NodeBenchResult } from './node-summary';
import { runNodeBench } from './node-workers';
import { detectorNonArticlePages, seedPages } from './pages';
import { printBrowser } from './report';

jest.setTimeout(120_000);
const repoRoot = findRepoRoot();
const seeds = seedPages(repoRoot);
const quick = { warmup: 1, timed: 2 };

/** The pages timed in this thread (the workers run the same timePage on theirs). */
function timeInThread(pages: typeof seeds, extract: ExtractFn): NodeBenchResult {
  const timings = pages.map((page, index) => timePage(page, extract, quick, index));
  return buildNodeResult(timings, [], {
    rounds: quick.timed,
    warmupRounds: quick.warmup,
    jitWarmup: { pages: 0, rounds: 0 },
    workers: [],
    elapsedMs: 1,
    peakRssBytes: null,
    gcBetweenPages: false,
  });
}

test('the seed-like fixtures are found with their original URLs', () => {
  expect(seeds.length).toBeGreaterThan(0);
  for (const page of seeds) {
    expect(page.url).toMatch(/^https?:\/\/www\.independent\.co\.uk\//);
    expect(page.html).toContain('</html>');
  }
});

test('times our pipeline and plain Readability on the same real page and compares them', () => {
  const page = seeds[0]!;
  const result = timeInThread([page], extract);
  const timing = result.pages[0]!;
  expect(timing.oursError).toBeUndefined();
  expect(timing.oursFound).toBe(true);
  expect(timing.plainFound).toBe(true);
  expect(timing.oursMs).toHaveLength(2);
  expect(timing.plainMs).toHaveLength(2);
  expect(timing.ratio).toBeCloseTo(timing.oursMedianMs! / timing.plainMedianMs!, 10);
  expect(result.comparedPages).toBe(1);
  const lines: string[] = [];
  const verdict = printNode(result, (line) => lines.push(line));
  expect(verdict.measured).toBe(true);
  expect(verdict.pass).toBe(result.ratio!.median <= 1.2);
  expect(lines.join('\n')).toContain('ratio ours/plain per page');
});

test('worker threads, one batch each, time the BUILT library on every page, in run order', async () => {
  // Needs build/node/index.cjs (npm run build): the workers load what ships, as the benchmark does.
  const pages = [...seeds, ...seeds].slice(0, 3);
  const done: number[] = [];
  // The run's private copy of the build, as speed.ts uses: its require()s must still resolve.
  const snapshot = snapshotBuiltLibrary(repoRoot);
  expect(readFileSync(snapshot.path, 'utf8')).toBe(
    readFileSync(builtLibraryPath(repoRoot), 'utf8'),
  );
  const result = await runNodeBench(pages, {
    repoRoot,
    libraryPath: snapshot.path,
    plan: quick,
    jitWarmup: { pages: 1, rounds: 1 },
    batch: { maxPages: 2, maxBytes: 64 << 20 },
    workerHeapMb: 1024,
    onProgress: (count) => done.push(count),
  }).finally(snapshot.remove);
  expect(existsSync(snapshot.path)).toBe(false);
  expect(result.workers.map((w) => [w.pages, w.timed, w.error])).toEqual([
    [2, 2, undefined],
    [1, 1, undefined],
  ]);
  expect(result.pages.map((p) => p.label)).toEqual(pages.map((p) => `seed/${p.id}`));
  expect(result.failedPages).toEqual([]);
  expect(result.oursErrors).toEqual([]);
  expect(result.fullRoundPages).toBe(3);
  expect(result.pages.every((p) => p.oursFound && p.plainFound && p.warmupRounds === 1)).toBe(true);
  expect(result.gcBetweenPages).toBe(true);
  expect(result.workers[0]!.peakHeapBytes).toBeGreaterThan(0);
  expect(done).toEqual([1, 2, 3]);
});

test('an extract that throws (the scaffold placeholder) is reported, not fatal', () => {
  const placeholder = () => {
    throw new Error('extract: not implemented yet');
  };
  const result = timeInThread(seeds.slice(0, 1), placeholder);
  expect(result.comparedPages).toBe(0);
  expect(result.oursErrors).toEqual([{ message: 'extract: not implemented yet', pages: 1 }]);
  expect(result.pages[0]!.plainMs).toHaveLength(2);
  const lines: string[] = [];
  const verdict = printNode(result, (line) => lines.push(line));
  expect(verdict).toMatchObject({ pass: false, measured: false });
  expect(lines.join('\n')).toMatch(
    /our extract THREW on 1 page\(s\): extract: not implemented yet/,
  );
});

test('the detector is timed on the labelled non-article fixtures it rejects', () => {
  const pages = detectorNonArticlePages(repoRoot).slice(0, 3);
  expect(pages.length).toBe(3);
  const result = runDetectorBench(pages, 'fixtures', detectArticle, 3, 1);
  expect(result.error).toBeUndefined();
  expect(result.pages).toHaveLength(3);
  const rejected = result.pages.filter((p) => p.rejected);
  expect(result.rejected?.count ?? 0).toBe(rejected.length);
  expect(result.accepted).toEqual(result.pages.filter((p) => !p.rejected).map((p) => p.label));
});

describe('paint budgets', () => {
  const run = (totalMs: number, shown: PaintRun['shown'] = 'article'): PaintRun => ({
    totalMs,
    injectMs: 1,
    extractMs: totalMs - 2,
    renderMs: 1,
    wholeMs: totalMs,
    firstScreenFirst: false,
    shown,
  });
  const page = (label: string, role: 'seed' | 'largest', totals: number[]): BrowserPageResult => ({
    label,
    role,
    url: 'http://example.test/',
    bytes: 1000,
    runs: totals.map((t) => run(t)),
    median: {
      totalMs: [...totals].sort((a, b) => a - b)[1]!,
      injectMs: 1,
      extractMs: 1,
      renderMs: 1,
      wholeMs: null,
    },
    total: null,
    heap: null,
    work: null,
    plain: { runs: [10, 12, 14], medianMs: 12 },
  });
  const judge = (pages: BrowserPageResult[]) =>
    printBrowser({ chromiumVersion: 'test', pages, elapsedMs: 1 } as BrowserBenchResult, () => {});

  test('the seed page passes under 100 ms; one slow large page fails its budget', () => {
    const withTotals = (p: BrowserPageResult) => ({
      ...p,
      total: { count: 3, median: 0, p95: 0, min: 0, max: 0 },
    });
    const [seed, largest] = judge([
      withTotals(page('seed', 'seed', [80, 90, 300])),
      withTotals(page('big-1', 'largest', [100, 200, 240])),
      withTotals(page('big-2', 'largest', [240, 260, 270])),
    ]);
    expect(seed).toMatchObject({ pass: true, measured: true });
    expect(largest).toMatchObject({ pass: false, measured: true });
    expect(largest!.detail).toContain('over budget: big-2 260 ms');
    expect(largest!.detail).toContain(
      'worst median 260 ms (big-2; plain Readability alone there: 12.0 ms)',
    );
  });

  test('prints our extraction against plain Readability on the same page', () => {
    const lines: string[] = [];
    printBrowser(
      {
        chromiumVersion: 'test',
        pages: [
          {
            ...page('big-1', 'largest', [50, 60, 70]),
            median: { totalMs: 60, injectMs: 1, extractMs: 30, renderMs: 1, wholeMs: 60 },
            total: { count: 3, median: 60, p95: 70, min: 50, max: 70 },
          },
        ],
        elapsedMs: 1,
      } as BrowserBenchResult,
      (line) => lines.push(line),
    );
    expect(lines.join('\n')).toMatch(
      /big-1 +extract +30\.0 ms +plain Readability +12\.0 ms +ours beyond it +18\.0 ms +ratio 2\.50x/,
    );
    expect(lines.join('\n')).toContain('median ratio extract/plain: 2.50x over 1 pages');
  });

  test('a page without timings is "not measured"', () => {
    const broken: BrowserPageResult = { ...page('seed', 'seed', []), median: null, error: 'boom' };
    const [seed] = judge([broken]);
    expect(seed).toMatchObject({ pass: false, measured: false });
  });
});
