// `npm run bench:detect`: how well and how cheaply the article-page detector decides, over every
// labelled page (the shared datasets plus test/fixtures/detect), beside Readability's
// isProbablyReaderable alone on the same pages, and against the cost of a full extraction on the pages
// the detector rejects (what it saves). Each page is parsed once (parsing is never timed). jsdom caches
// selector results per document, so a repeated call is far cheaper than the first: each function is
// timed on its first call, as the extension calls the detector once per page load. Single calls are
// noisy on a busy machine; the medians over hundreds of pages are much steadier.
// It measures the BUILT library (build/node/index.cjs), i.e. what ships: build it first with
// `node build/build.mjs --node-only`. Writes test-results/detect.json.
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DetectionResult } from '../../src/detection';
import {
  findRepoRoot,
  loadLabelledPages,
  parsePage,
  type LabelledPage,
} from '../unit/detection/support/labelled-pages';

type Detect = (document: Document, options: { url?: string }) => DetectionResult;

const TARGETS = {
  precision: 0.98,
  recall: 0.9,
  /** Full extraction must cost at least this many times the detector on the pages it rejects. */
  cheaperThanExtraction: 10,
  /** Median detector cost on rejected pages, in ms. */
  rejectedMedianMs: 2,
};

interface PageResult {
  source: string;
  id: string;
  kind: string;
  label: boolean;
  detector: boolean;
  reasons: string[];
  detectorMs: number;
  readerable: boolean;
  readerableMs: number;
  /** Plain Readability parse, measured on pages the detector rejects only. */
  extractionMs?: number;
}

function loadBuiltDetector(root: string): Detect {
  const built = join(root, 'build', 'node', 'index.cjs');
  if (!existsSync(built)) {
    throw new Error(`${built} not found: run \`node build/build.mjs --node-only\` first`);
  }
  const library = createRequire(import.meta.url)(built) as { detectArticle?: Detect };
  if (typeof library.detectArticle !== 'function') {
    throw new Error(`${built} does not export detectArticle: rebuild it`);
  }
  return library.detectArticle;
}

function median(values: number[]): number {
  return quantile(values, 0.5);
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** Runs `fn` once and returns its result and the time it took in ms. */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

function confusion(results: PageResult[], predict: (r: PageResult) => boolean) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const r of results) {
    const p = predict(r);
    if (p && r.label) tp++;
    else if (p) fp++;
    else if (r.label) fn++;
    else tn++;
  }
  return { tp, fp, fn, tn, precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

function measure(page: LabelledPage, detect: Detect): PageResult {
  const dom = parsePage(page.html, page.url);
  const document = dom.window.document;
  try {
    // The detector goes first, so its own readability check (when it makes one) is uncached; if
    // anything, isProbablyReaderable alone then profits from jsdom's cache, never the detector.
    const detection = timed(() => detect(document, { url: page.url }));
    const readerable = timed(() => isProbablyReaderable(document));
    const result: PageResult = {
      source: page.source,
      id: page.id,
      kind: page.kind,
      label: page.article,
      detector: detection.value.article,
      reasons: detection.value.reasons,
      detectorMs: detection.ms,
      readerable: readerable.value,
      readerableMs: readerable.ms,
    };
    // What the detector saves on the pages it rejects: a full extraction (plain Readability) on a
    // copy (Readability mutates what it reads; a clone has no cached selector results; cloning untimed).
    if (!detection.value.article) {
      const copy = document.cloneNode(true) as Document;
      result.extractionMs = timed(() => new Readability(copy).parse()).ms;
    }
    return result;
  } finally {
    dom.window.close();
  }
}

const f3 = (n: number) => n.toFixed(3);
const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function main(): number {
  const root = findRepoRoot();
  const detect = loadBuiltDetector(root);
  const pages = loadLabelledPages(root);
  const counts = new Map<string, number>();
  for (const p of pages) counts.set(p.source, (counts.get(p.source) ?? 0) + 1);
  console.log(
    `bench:detect — ${pages.length} labelled pages (${[...counts].map(([s, n]) => `${s} ${n}`).join(', ')}); ` +
      `${pages.filter((p) => p.article).length} articles, ${pages.filter((p) => !p.article).length} not`,
  );

  // Warm the JIT on a few pages so the first measured pages are not penalised.
  for (const page of pages.slice(0, 5)) measure(page, detect);
  const results = pages.map((page) => measure(page, detect));

  const ours = confusion(results, (r) => r.detector);
  const readerableOnly = confusion(results, (r) => r.readerable);
  const rejected = results.filter((r) => !r.detector);
  const rejectedDetectorMs = median(rejected.map((r) => r.detectorMs));
  const rejectedExtractionMs = median(rejected.map((r) => r.extractionMs ?? NaN));
  const ratio = rejectedExtractionMs / rejectedDetectorMs;
  const summary = {
    pages: results.length,
    detector: {
      ...ours,
      medianMs: median(results.map((r) => r.detectorMs)),
      p95Ms: quantile(
        results.map((r) => r.detectorMs),
        0.95,
      ),
    },
    isProbablyReaderable: {
      ...readerableOnly,
      medianMs: median(results.map((r) => r.readerableMs)),
      p95Ms: quantile(
        results.map((r) => r.readerableMs),
        0.95,
      ),
    },
    rejected: {
      pages: rejected.length,
      detectorMedianMs: rejectedDetectorMs,
      detectorP95Ms: quantile(
        rejected.map((r) => r.detectorMs),
        0.95,
      ),
      fullExtractionMedianMs: rejectedExtractionMs,
      extractionToDetectorRatio: ratio,
    },
    targets: TARGETS,
    pass: {
      precision: ours.precision >= TARGETS.precision,
      recall: ours.recall >= TARGETS.recall,
      cheaperThanExtraction: ratio >= TARGETS.cheaperThanExtraction,
      rejectedMedian: rejectedDetectorMs < TARGETS.rejectedMedianMs,
    },
  };

  const row = (name: string, c: typeof ours, med: number, p95: number) =>
    `${name.padEnd(22)} precision ${f3(c.precision)}  recall ${f3(c.recall)}  ` +
    `(tp ${c.tp} fp ${c.fp} fn ${c.fn} tn ${c.tn})  median ${f3(med)} ms  p95 ${f3(p95)} ms`;
  console.log(row('detectArticle', ours, summary.detector.medianMs, summary.detector.p95Ms));
  console.log(
    row(
      'isProbablyReaderable',
      readerableOnly,
      summary.isProbablyReaderable.medianMs,
      summary.isProbablyReaderable.p95Ms,
    ),
  );
  console.log(
    `rejected pages (${rejected.length}): detector median ${f3(rejectedDetectorMs)} ms ` +
      `(p95 ${f3(summary.rejected.detectorP95Ms)}), full extraction (Readability.parse) median ` +
      `${f3(rejectedExtractionMs)} ms — ${ratio.toFixed(1)}x`,
  );
  const wrong = results.filter((r) => r.detector !== r.label);
  if (wrong.length > 0) {
    console.log(`\nmisjudged pages (${wrong.length}):`);
    for (const r of wrong) {
      console.log(
        `  ${r.label ? 'missed ' : 'WRONGLY'} ${r.source}/${r.id.slice(0, 40)} [${r.kind}]: ${r.reasons.join(' ')}`,
      );
    }
  }
  console.log('');
  console.log(
    `${pass(summary.pass.precision)} precision ${f3(ours.precision)} >= ${TARGETS.precision}`,
  );
  console.log(`${pass(summary.pass.recall)} recall ${f3(ours.recall)} >= ${TARGETS.recall}`);
  console.log(
    `${pass(summary.pass.cheaperThanExtraction)} detector ${ratio.toFixed(1)}x cheaper than full extraction on rejected pages (>= ${TARGETS.cheaperThanExtraction}x)`,
  );
  console.log(
    `${pass(summary.pass.rejectedMedian)} detector median ${f3(rejectedDetectorMs)} ms on rejected pages (< ${TARGETS.rejectedMedianMs} ms)`,
  );

  const outDir = join(root, 'test-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'detect.json'), JSON.stringify({ summary, pages: results }, null, 2));
  console.log(`\nwrote ${join('test-results', 'detect.json')}`);
  return Object.values(summary.pass).every(Boolean) ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`bench:detect: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
