// Printing the speed benchmark's sections as plain text tables and PASS/FAIL budget lines.
import type { BrowserBenchResult } from './browser-paint';
import { budget, notMeasured, type BudgetResult } from './budgets';
import { kib, type BundleSize } from './bundles';
import type { DetectorResult } from './detector';
import { median, ms, type Summary } from './stats';

export const budgetLimits = {
  nodeRatio: 1.2,
  seedPaintMs: 100,
  largestPaintMs: 250,
  detectorMs: 2,
  contentScriptBytes: 120 * 1024,
} as const;

const row = (cells: string[], widths: number[]) =>
  cells.map((cell, i) => cell.padStart(i === 0 ? 0 : (widths[i] ?? 0))).join('  ');

function summaryLine(label: string, summary: Summary): string {
  return `${label.padEnd(28)} median ${ms(summary.median).padStart(9)}   p95 ${ms(summary.p95).padStart(9)}   min ${ms(summary.min).padStart(9)}   max ${ms(summary.max).padStart(9)}`;
}

export function printDetector(result: DetectorResult, print: (line: string) => void): BudgetResult {
  const name = `detector: detectArticle under ${budgetLimits.detectorMs} ms median on rejected pages`;
  print(`pages: ${result.pageSet}, ${result.pages.length} timed`);
  if (result.error) {
    print(`the detector THREW: ${result.error}`);
    return notMeasured(name, `detectArticle threw: ${result.error}`);
  }
  if (result.accepted.length > 0) {
    print(`accepted (not counted): ${result.accepted.join(', ')}`);
  }
  if (!result.rejected) return notMeasured(name, 'the detector rejected none of the pages');
  print(summaryLine(`rejected (${result.rejected.count} pages)`, result.rejected));
  return budget(
    name,
    result.rejected.median < budgetLimits.detectorMs,
    `median ${ms(result.rejected.median)}, p95 ${ms(result.rejected.p95)} over ${result.rejected.count} pages`,
  );
}

export function printBrowser(
  result: BrowserBenchResult,
  print: (line: string) => void,
): BudgetResult[] {
  print(`Chromium ${result.chromiumVersion}, took ${(result.elapsedMs / 1000).toFixed(0)} s`);
  const widths = [0, 8, 6, 10, 10, 10, 10, 10, 14, 10, 10, 12, 12];
  print(
    row(
      [
        'page'.padEnd(44),
        'KiB',
        'runs',
        'total',
        'p95',
        'inject',
        'extract',
        'render',
        'whole',
        'plain RB',
        'shown',
        'heap open',
        'heap closed',
      ],
      widths,
    ),
  );
  for (const page of result.pages) {
    if (page.error !== undefined) print(`${page.label.padEnd(44)}  ERROR: ${page.error}`);
    if (!page.median || !page.total) continue;
    const shown = [...new Set(page.runs.map((r) => r.shown))].join('/');
    const growth = (bytes: number | undefined) =>
      bytes === undefined ? '-' : `${bytes >= 0 ? '+' : ''}${kib(bytes)}`;
    print(
      row(
        [
          page.label.padEnd(44),
          (page.bytes / 1024).toFixed(0),
          String(page.runs.length),
          ms(page.median.totalMs),
          ms(page.total.p95),
          ms(page.median.injectMs),
          ms(page.median.extractMs),
          ms(page.median.renderMs),
          // The whole article in the reader; "1st" marks a page painted first screen first.
          page.median.wholeMs === null
            ? '-'
            : `${ms(page.median.wholeMs)}${page.runs.some((r) => r.firstScreenFirst) ? ' 1st' : ''}`,
          page.plain ? ms(page.plain.medianMs) : '-',
          shown,
          growth(page.heap ? page.heap.open.usedBytes - page.heap.before.usedBytes : undefined),
          growth(page.heap ? page.heap.closed.usedBytes - page.heap.before.usedBytes : undefined),
        ],
        widths,
      ),
    );
  }
  printPipelineSplit(result, print);
  const withEmbedder = result.pages.filter((p) => p.heap?.open.embedderBytes != null);
  if (withEmbedder.length > 0) {
    print('embedder (Blink/DOM) heap growth with the overlay open:');
    for (const page of withEmbedder) {
      const heap = page.heap!;
      print(
        `  ${page.label.padEnd(44)} ${kib((heap.open.embedderBytes ?? 0) - (heap.before.embedderBytes ?? 0))} (after close ${kib((heap.closed.embedderBytes ?? 0) - (heap.before.embedderBytes ?? 0))})`,
      );
    }
  }
  const withWork = result.pages.filter((p) => p.work !== null);
  if (withWork.length > 0) {
    print(
      'renderer main-thread CPU time from the toolbar action to the first paint (one untimed run, CDP Performance.getMetrics):',
    );
    for (const page of withWork) {
      const work = page.work!;
      print(
        `  ${page.label.padEnd(44)} all tasks ${ms(work.taskMs).padStart(9)}   script ${ms(work.scriptMs).padStart(9)}   style ${ms(work.recalcStyleMs).padStart(9)} (${work.recalcStyleCount}x)   layout ${ms(work.layoutMs).padStart(9)} (${work.layoutCount}x)`,
      );
    }
  }
  return [
    paintBudget(result, 'seed', budgetLimits.seedPaintMs, 'the seed-like page'),
    paintBudget(
      result,
      'largest',
      budgetLimits.largestPaintMs,
      'each of the largest dataset pages',
    ),
  ];
}

/**
 * Our extraction (toggle -> extracted) against plain Readability on the same page in the same browser and
 * run: how much of the wait is Readability's own work, and how much is ours.
 */
function printPipelineSplit(result: BrowserBenchResult, print: (line: string) => void): void {
  const compared = result.pages.filter((p) => p.median && p.plain);
  if (compared.length === 0) return;
  print(
    'extract (our whole pipeline in the content script) vs plain Readability alone on the same page, medians:',
  );
  const ratios: number[] = [];
  for (const page of compared) {
    const ours = page.median!.extractMs;
    const plain = page.plain!.medianMs;
    if (plain > 0) ratios.push(ours / plain);
    print(
      `  ${page.label.padEnd(44)} extract ${ms(ours).padStart(9)}   plain Readability ${ms(plain).padStart(9)}   ours beyond it ${ms(ours - plain).padStart(9)}   ratio ${plain > 0 ? `${(ours / plain).toFixed(2)}x` : '-'}`,
    );
  }
  if (ratios.length > 0) {
    print(
      `  median ratio extract/plain: ${median(ratios).toFixed(2)}x over ${ratios.length} pages`,
    );
  }
}

function paintBudget(
  result: BrowserBenchResult,
  role: 'seed' | 'largest',
  limitMs: number,
  what: string,
): BudgetResult {
  const name = `browser: toolbar to first paint under ${limitMs} ms median on ${what}`;
  const pages = result.pages.filter((p) => p.role === role);
  if (pages.length === 0) return notMeasured(name, 'no such page');
  const failed = pages.filter((p) => !p.median);
  if (failed.length > 0) {
    return notMeasured(name, `no timing for ${failed.map((p) => p.label).join(', ')}`);
  }
  const medians = pages.map((p) => ({ label: p.label, totalMs: p.median!.totalMs }));
  const over = medians.filter((m) => m.totalMs >= limitMs);
  const notArticle = pages.filter((p) => p.runs.some((r) => r.shown !== 'article'));
  const worst = medians.reduce((a, b) => (b.totalMs > a.totalMs ? b : a));
  const worstPlain = pages.find((p) => p.label === worst.label)?.plain?.medianMs;
  const detail =
    `${pages.length} page(s), worst median ${ms(worst.totalMs)} (${worst.label}` +
    (worstPlain === undefined ? ')' : `; plain Readability alone there: ${ms(worstPlain)})`) +
    (over.length > 0
      ? `; over budget: ${over.map((m) => `${m.label} ${ms(m.totalMs)}`).join(', ')}`
      : '') +
    (notArticle.length > 0
      ? `; NOTE the overlay showed no article on ${notArticle.map((p) => p.label).join(', ')}`
      : '');
  return budget(name, over.length === 0, detail);
}

export function printBundles(sizes: BundleSize[], print: (line: string) => void): BudgetResult {
  const name = `bundle: content script under ${kib(budgetLimits.contentScriptBytes)} minified`;
  if (sizes.length === 0)
    return notMeasured(name, 'no build/chrome or build/firefox: run npm run build');
  for (const size of sizes) {
    print(
      `  ${`${size.flavour}/${size.file}`.padEnd(28)} raw ${String(size.rawBytes).padStart(8)} B (${kib(size.rawBytes).padStart(10)})   gzip ${String(size.gzipBytes).padStart(7)} B (${kib(size.gzipBytes).padStart(9)})`,
    );
  }
  const content = sizes.filter((s) => s.file === 'content.js');
  if (content.length === 0) return notMeasured(name, 'no content.js in the build');
  const biggest = content.reduce((a, b) => (b.rawBytes > a.rawBytes ? b : a));
  return budget(
    name,
    biggest.rawBytes < budgetLimits.contentScriptBytes,
    content.map((s) => `${s.flavour} ${s.rawBytes} B (${kib(s.rawBytes)})`).join(', '),
  );
}
